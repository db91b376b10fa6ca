import Foundation
import Testing

/// A `validation` block of a module's variables.pcl, found by a piece of
/// its error message: where its condition is and its whole message, so a
/// test can check that pcplan reports that rule, at that line.
struct ValidationRule {
    /// The file as a diagnostic names it, from `modules/` on.
    var file: String
    /// The 1-based line of the rule's `condition`.
    var conditionLine: Int
    var message: String

    init(module: String, containing fragment: String) throws {
        file = "modules/\(module)/variables.pcl"
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: ModuleWorkspace.repositoryRoot + "/" + file)), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(
            lines.firstIndex { $0.contains("error_message") && $0.contains(fragment) },
            "\(file) has no validation message containing \"\(fragment)\"")
        let line = lines[index]
        let opening = try #require(line.firstIndex(of: "\""))
        let closing = try #require(line.lastIndex(of: "\""))
        message = String(line[line.index(after: opening)..<closing]).replacingOccurrences(of: "\\\"", with: "\"")
        let condition = try #require(
            lines[..<index].lastIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("condition") },
            "no condition before the message in \(file)")
        conditionLine = condition + 1
    }

    /// pcplan's output with its line wrapping undone.
    static func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The run failed with this rule's message, pointing at its condition.
    func expectReported(by run: ModuleRun) {
        #expect(run.status == 1, "\(run)")
        #expect(Self.unwrapped(run.error).contains(Self.unwrapped(message)), "expected the message \"\(message)\"\n\(run)")
        #expect(run.error.contains("\(file):\(conditionLine):"), "expected the location \(file):\(conditionLine)\n\(run)")
        #expect(run.error.contains("error: Invalid value for variable"), "\(run)")
    }
}
