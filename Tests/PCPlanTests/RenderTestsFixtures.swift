// Golden files for the plan renderers live in Fixtures/render. Tests read
// them from the test bundle (Bundle.module) and compare byte for byte.
//
// To regenerate them from the renderers' current output (after a deliberate
// change; review the diff before committing), run:
//
//     PCPLAN_UPDATE_GOLDEN=1 swift test --scratch-path .build-render --filter RenderTests
//
// Updating writes into the source tree (found through #filePath), so run the
// tests once more afterwards to compare against the refreshed bundle copy.
//
// The terraform-oracle-* files are not golden files of ours: they are
// `terraform plan` output from Terraform 1.11.4 (see RenderTests.swift for
// the configuration), and are never rewritten.

import Foundation
import PCLang
import PCPlan
import Testing

enum RenderGolden {
    static let updating = ProcessInfo.processInfo.environment["PCPLAN_UPDATE_GOLDEN"] == "1"

    static let sourceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/render", isDirectory: true)

    /// A fixture's text from the test bundle.
    static func fixture(_ name: String) -> String? {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            let data = FileManager.default.contents(
                atPath: fixtures.appendingPathComponent("render/" + name).path)
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Compares `text` with the golden file `name`, or rewrites it when
    /// updating.
    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if updating {
            try Data(text.utf8).write(to: sourceDirectory.appendingPathComponent(name))
            return
        }
        let expected = try #require(fixture(name), "missing golden file \(name)", sourceLocation: sourceLocation)
        #expect(
            text == expected, "\(name) differs: \(firstDifference(text, expected))", sourceLocation: sourceLocation)
    }

    /// The first line where two texts differ, for a readable failure.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, e.count) {
            let left = index < a.count ? String(a[index]) : "<end>"
            let right = index < e.count ? String(e[index]) : "<end>"
            if left != right {
                return "line \(index + 1): got \(left.debugDescription), expected \(right.debugDescription)"
            }
        }
        return "no line differs (\(a.count) lines)"
    }
}

/// Short constructors for the values of test plans.
enum RV {
    static func s(_ text: String) -> Value { .string(text) }
    static func n(_ number: Int) -> Value { .number(number) }
    static func b(_ bool: Bool) -> Value { .bool(bool) }
    static func obj(_ attributes: [String: Value]) -> Value { .object(attributes) }
    static func tuple(_ elements: [Value]) -> Value { .tuple(elements) }
    static func strings(_ elements: [String]) -> Value { .list(strings: elements) }
    static func map(_ elements: [String: String]) -> Value { .map(elements.mapValues(Value.string), element: .string) }
    static func set(_ elements: [String]) -> Value { .set(elements.map(Value.string), element: .string) }
    static func secret(_ value: Value) -> Value { value.marked() }
    static let unknown = Value.unknown
    static let null = Value.null

    static func json(_ text: String) -> Value { .string(text) }
}

extension Plan {
    static func renderTest(
        mode: Plan.Mode = .normal, changes: [ResourceChange] = [], drift: [ResourceChange] = [],
        outputs: [OutputChange] = []
    ) -> Plan {
        Plan(
            mode: mode, pcplanVersion: "test", stateLineage: "lineage", stateSerial: 1, configurationDigest: "digest",
            timestamp: "2026-01-01T00:00:00Z", resourceChanges: changes, resourceDrift: drift, outputChanges: outputs)
    }
}

extension ResourceChange {
    /// A change to a managed resource of the root module (or `module`),
    /// with type and name taken from the address.
    static func renderTest(
        _ address: String, _ action: ChangeAction, before: Value = .null, after: Value = .null,
        mode: ResourceChange.Mode = .managed, module: String? = nil, previous: String? = nil,
        reason: ActionReason? = nil, index: Value? = nil, replacePaths: [ValuePath] = [],
        json: Set<String> = [], deposed: String? = nil
    ) -> ResourceChange {
        var local = Substring(address)
        if let module { local = local.dropFirst(module.count + 1) }
        if local.hasPrefix("data.") { local = local.dropFirst(5) }
        if let bracket = local.firstIndex(of: "[") { local = local[..<bracket] }
        let parts = local.split(separator: ".", maxSplits: 1)
        return ResourceChange(
            address: address, previousAddress: previous, moduleAddress: module, mode: mode, type: String(parts[0]),
            name: String(parts.count > 1 ? parts[1] : ""), index: index, provider: "provider[\"pcplan/test\"]",
            action: action, reason: reason, before: before, after: after, replacePaths: replacePaths,
            jsonAttributes: json, deposedKey: deposed)
    }
}

extension ValuePath {
    static func attribute(_ names: String...) -> ValuePath {
        ValuePath(names.map(PathStep.attribute))
    }
}
