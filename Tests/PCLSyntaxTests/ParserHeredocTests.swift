import PCDiagnostics
import Testing
@testable import PCLSyntax

@Suite struct ParserHeredocTests {
    @Test(arguments: [
        ("a = <<EOT\nhello\nEOT\n", #"(body (attr a (template "hello\n")))"#),
        ("a = <<EOT\nEOT\n", #"(body (attr a (template "")))"#),
        ("a = <<EOT\n  one\n    two\nEOT\n", #"(body (attr a (template "  one\n    two\n")))"#),
        ("a = <<-EOT\n    one\n      two\n    EOT\n", #"(body (attr a (template "one\n  two\n")))"#),
        ("a = <<-EOT\n    one\n\n    two\n  EOT\n", #"(body (attr a (template "one\n\ntwo\n")))"#),
        ("a = <<-EOT\n    a\n  ${x}\n    b\nEOT\n", #"(body (attr a (template "  a\n" x "\n  b\n")))"#),
        ("a = <<-EOT\n    a\n${x}\n    b\nEOT\n", #"(body (attr a (template "    a\n" x "\n    b\n")))"#),
        ("a = <<EOT\n${x}\nEOT\n", #"(body (attr a (template x "\n")))"#),
        ("a = <<EOT\n$${x} \\n %%{y}\nEOT\n", #"(body (attr a (template "${x} \\n %{y}\n")))"#),
        ("a = <<EOT\n%{ for x in y ~}\n${x}\n%{ endfor ~}\nEOT\n", #"(body (attr a (template (%for x in y (template "" x "\n")) "")))"#),
        ("a = <<EOT\r\nhi\r\nEOT\r\n", #"(body (attr a (template "hi\r\n")))"#),
        ("a = [<<EOT\nx\nEOT\n, 1]\n", #"(body (attr a (tuple (template "x\n") 1)))"#),
        ("a = f(<<EOT\nx\nEOT\n)\nb = 1\n", #"(body (attr a (call f (template "x\n"))) (attr b 1))"#),
    ])
    func parsesHeredocs(source: String, expected: String) {
        #expect(ParserTest.body(source) == expected)
    }

    @Test func parsesAnIAMPolicyHeredoc() {
        let source = """
        resource "aws_iam_role" "r" {
          name               = "role-${var.env}"
          assume_role_policy = <<-EOF
            {
              "Version": "2012-10-17",
              "Statement": [{ "Effect": "Allow", "Principal": { "Service": "${var.service}" } }]
            }
          EOF
        }

        """
        let dump = ParserTest.body(source)
        #expect(dump.contains(#"(attr assume_role_policy (template "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{ \"Effect\": \"Allow\", \"Principal\": { \"Service\": \"" (ref var .service) "\" } }]\n}\n"))"#))
    }

    @Test func flushTrimmingMovesLiteralRanges() {
        let dump = ParserTest.body("a = <<-EOT\n  x\n  EOT\n", ranges: true)
        #expect(dump.contains(#""x\n"@13-15"#))
    }
}
