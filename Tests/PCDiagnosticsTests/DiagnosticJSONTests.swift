import Foundation
import Testing
@testable import PCDiagnostics

@Suite struct DiagnosticJSONTests {
    static let code = DiagnosticCode("test.example", "Invalid expression")

    /// The same input as a `terraform validate -json` run (Terraform 1.11.4),
    /// whose output this matches apart from `context`, which names the
    /// enclosing block in Terraform and is null here.
    @Test func matchesTerraformsValidateShape() {
        let file = SourceFile(path: "main.pcl", text: "resource \"x\" \"y\" {\n  a = 1 +\n}\n")
        let diagnostic = Diagnostic(
            code: Self.code,
            detail: "Expected the start of an expression, but found an invalid expression token.",
            file: file, subject: SourceRange(28, 29))
        #expect(DiagnosticJSON.validateReport([diagnostic]).rendered() == """
            {
              "format_version": "1.0",
              "valid": false,
              "error_count": 1,
              "warning_count": 0,
              "diagnostics": [
                {
                  "severity": "error",
                  "summary": "Invalid expression",
                  "detail": "Expected the start of an expression, but found an invalid expression token.",
                  "range": {
                    "filename": "main.pcl",
                    "start": {
                      "line": 2,
                      "column": 10,
                      "byte": 28
                    },
                    "end": {
                      "line": 3,
                      "column": 1,
                      "byte": 29
                    }
                  },
                  "snippet": {
                    "context": null,
                    "code": "  a = 1 +\\n}",
                    "start_line": 2,
                    "highlight_start_offset": 9,
                    "highlight_end_offset": 10,
                    "values": []
                  }
                }
              ]
            }

            """)
    }

    @Test func validReportHasEmptyDiagnostics() {
        #expect(DiagnosticJSON.validateReport([]).rendered() == """
            {
              "format_version": "1.0",
              "valid": true,
              "error_count": 0,
              "warning_count": 0,
              "diagnostics": []
            }

            """)
    }

    /// Columns count characters, bytes count bytes; an empty subject is
    /// widened by one, as Terraform does.
    @Test func multiByteLineAndEmptySubject() throws {
        let text = "locals {\n  b = \"é日\" baz\n}\n"
        let file = SourceFile(path: "dir/x.pcl", text: text)
        let bazStart = 23 // "locals {\n" 9, `  b = "` 7, é 2, 日 3, `" ` 2
        let diagnostics = [
            Diagnostic(code: Self.code, detail: "d", file: file, subject: SourceRange(bazStart, bazStart + 3)),
            Diagnostic(.warning, code: Self.code, detail: "w", file: file, subject: SourceRange(bazStart, bazStart)),
        ]
        let json = DiagnosticJSON.validateReport(diagnostics).rendered()
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["error_count"] as? Int == 1)
        #expect(object["warning_count"] as? Int == 1)
        #expect(object["valid"] as? Bool == false)
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        let range = try #require(items[0]["range"] as? [String: Any])
        let start = try #require(range["start"] as? [String: Int])
        let end = try #require(range["end"] as? [String: Int])
        #expect(range["filename"] as? String == "dir/x.pcl")
        #expect(start == ["line": 2, "column": 12, "byte": bazStart])
        #expect(end == ["line": 2, "column": 15, "byte": bazStart + 3])
        let snippet = try #require(items[0]["snippet"] as? [String: Any])
        #expect(snippet["code"] as? String == "  b = \"é日\" baz")
        #expect(snippet["start_line"] as? Int == 2)
        // Byte offsets into code: two spaces, `b = "`, é (2 bytes), 日 (3), `" `.
        #expect(snippet["highlight_start_offset"] as? Int == 14)
        #expect(snippet["highlight_end_offset"] as? Int == 17)
        #expect(snippet["context"] is NSNull)
        #expect((snippet["values"] as? [Any])?.isEmpty == true)

        let warning = try #require(items[1]["range"] as? [String: Any])
        #expect(items[1]["severity"] as? String == "warning")
        #expect(warning["end"] as? [String: Int] == ["line": 2, "column": 13, "byte": bazStart + 1])
    }

    @Test func diagnosticWithoutSourceHasNoRangeOrSnippet() {
        let diagnostic = Diagnostic(code: .fileNotFound, detail: "There is no \"a<b>&c\".")
        #expect(DiagnosticJSON.value(for: diagnostic).renderedCompact()
            == #"{"severity":"error","summary":"No such file or directory","detail":"There is no \"a\u003cb\u003e\u0026c\"."}"#)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("tab\tnew\nret\r", #""tab\tnew\nret\r""#),
        ("\u{0}\u{1F}\u{8}\u{C}", #""\u0000\u001f\b\f""#),
        ("back\\slash \"q\"", #""back\\slash \"q\"""#),
        ("\u{2028}é🙂", "\"\\u2028é🙂\""),
    ])
    func stringEscapes(input: String, expected: String) {
        #expect(JSONValue.string(input).renderedCompact() == expected)
    }

    @Test func snippetSpansContextLines() throws {
        let text = "a = 1\nb = [\n  2\n]\n"
        let file = SourceFile(path: "m.pcl", text: text)
        let diagnostic = Diagnostic(
            code: Self.code, detail: "", file: file, subject: SourceRange(14, 15), context: SourceRange(6, 17))
        let value = DiagnosticJSON.value(for: diagnostic).renderedCompact()
        #expect(value.contains(#""snippet":{"context":null,"code":"b = [\n  2\n]","start_line":2,"highlight_start_offset":8,"highlight_end_offset":9,"values":[]}"#))
    }
}
