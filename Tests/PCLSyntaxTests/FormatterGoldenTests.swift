// Golden files for the formatter: Fixtures/format/NAME.in.pcl is formatted
// and compared with Fixtures/format/NAME.out.pcl byte for byte.
//
// Every .out.pcl was produced by `terraform fmt` (Terraform 1.11.4) from the
// matching .in.pcl, so these tests check that pcplan formats exactly as
// Terraform does. To rewrite the .out files from pcplan's own output (for
// example after adding a case; then check the diff against terraform fmt
// before committing), run:
//
//     PCPLAN_UPDATE_GOLDEN=1 swift test --filter FormatterGoldenTests
//
// Fixtures are read from the source tree (via #filePath), not the copied
// bundle, so that updating writes where git sees it.

import Foundation
import PCDiagnostics
import PCLTestSupport
import Testing
@testable import PCLSyntax

enum FormatFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/format", isDirectory: true)

    /// Names of all cases, NAME for each NAME.in.pcl.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".in.pcl") }
            .map { String($0.dropLast(".in.pcl".count)) }
            .sorted()
    }()

    static func bytes(_ name: String, _ suffix: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name + suffix).path) else {
            return nil
        }
        return [UInt8](data)
    }

    static func lex(_ bytes: [UInt8], _ name: String = "test.pcl") -> LexedFile {
        Lexer.tokenize(SourceFile(path: name, bytes: bytes))
    }
}

@Suite("Formatter golden files")
struct FormatterGoldenTests {
    static let updating = ProcessInfo.processInfo.environment["PCPLAN_UPDATE_GOLDEN"] == "1"

    @Test("there are enough golden cases")
    func caseCount() {
        #expect(FormatFixtures.names.count >= 40)
    }

    @Test("output equals terraform fmt's", arguments: FormatFixtures.names)
    func golden(name: String) throws {
        let input = try #require(FormatFixtures.bytes(name, ".in.pcl"))
        let lexed = FormatFixtures.lex(input, name + ".in.pcl")
        #expect(lexed.diagnostics.isEmpty, "golden inputs must be valid")
        let output = PCLFormatter.format(lexed)
        let outURL = FormatFixtures.directory.appendingPathComponent(name + ".out.pcl")
        if Self.updating {
            try Data(output).write(to: outURL)
            return
        }
        let expected = try #require(FormatFixtures.bytes(name, ".out.pcl"), "missing \(name).out.pcl")
        let same = output == expected
        #expect(same, "\(name): terraform's \(firstDifferentLine(expected, output))")
    }

    @Test("formatting is a fixed point and keeps every token", arguments: FormatFixtures.names)
    func invariants(name: String) throws {
        let input = try #require(FormatFixtures.bytes(name, ".in.pcl"))
        let lexed = FormatFixtures.lex(input)
        let once = PCLFormatter.format(lexed)
        let lexedOnce = FormatFixtures.lex(once)
        let twice = PCLFormatter.format(lexedOnce)
        let fixed = twice == once
        #expect(fixed, "\(name): second formatting changed \(firstDifferentLine(once, twice))")
        let onceFormatted = PCLFormatter.isFormatted(lexedOnce)
        #expect(onceFormatted, "\(name): output not reported as formatted")
        let inputFormatted = PCLFormatter.isFormatted(lexed), unchanged = once == input
        #expect(inputFormatted == unchanged, "\(name): isFormatted disagrees with format")
        // Exactly the same tokens, newlines included: the formatter only
        // changes the spaces between them.
        #expect(lexedOnce.tokens.count == lexed.tokens.count, "\(name): token count changed")
        for (a, b) in zip(lexed.tokens, lexedOnce.tokens) where a.kind != .endOfFile {
            let textA = input[a.start..<a.end], textB = once[b.start..<b.end]
            if a.kind != b.kind || !textA.elementsEqual(textB) {
                Issue.record("\(name): token \(a.kind) '\(String(decoding: textA, as: UTF8.self))' became \(b.kind) '\(String(decoding: textB, as: UTF8.self))'")
                break
            }
        }
    }

    @Test("terraform's output is already canonical", arguments: FormatFixtures.names)
    func canonicalUnchanged(name: String) throws {
        let expected = try #require(FormatFixtures.bytes(name, ".out.pcl"))
        let lexed = FormatFixtures.lex(expected)
        let output = PCLFormatter.format(lexed)
        let same = output == expected
        #expect(same, "\(name): \(firstDifferentLine(expected, output))")
        let formatted = PCLFormatter.isFormatted(lexed)
        #expect(formatted)
    }
}
