import Foundation
import Testing

/// One resource change of a saved plan, as `pcplan show -json` lists it.
struct ResourceChangeJSON: Hashable, CustomStringConvertible {
    var address: String
    /// Terraform's spelling: ["create"], ["update"], ["delete", "create"], …
    var actions: [String]

    var description: String { "\(address) \(actions)" }
}

/// The changes of a plan in Terraform's JSON plan format: every resource
/// change that is not a no-op, in address order, and each one's planned
/// values (`change.after`).
struct JSONPlanChanges {
    var changes: [ResourceChangeJSON]
    private var afters: [String: [String: Any]]

    init(json: String) throws {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let entries = try #require(document?["resource_changes"] as? [[String: Any]], "no resource_changes in the JSON plan:\n\(json.prefix(2000))")
        var changes: [ResourceChangeJSON] = []
        var afters: [String: [String: Any]] = [:]
        for entry in entries {
            let change = entry["change"] as? [String: Any]
            let actions = change?["actions"] as? [String] ?? []
            guard let address = entry["address"] as? String, actions != ["no-op"] else { continue }
            changes.append(ResourceChangeJSON(address: address, actions: actions))
            afters[address] = change?["after"] as? [String: Any]
        }
        self.changes = changes.sorted { $0.address < $1.address }
        self.afters = afters
    }

    /// A planned attribute of one changed resource (nil when unknown or absent).
    func after(_ address: String, _ attribute: String) -> Any? {
        afters[address]?[attribute]
    }
}
