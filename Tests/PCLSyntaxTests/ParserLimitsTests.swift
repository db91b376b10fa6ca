import Foundation
import PCDiagnostics
import PCLTestSupport
import Testing
@testable import PCLSyntax

/// No input may crash, hang or overflow the stack, even on a 512 KB thread
/// (Dispatch's default), in a debug build.
@Suite struct ParserLimitsTests {
    /// Parses, dumps, compares and releases the tree on a thread with a
    /// 512 KB stack; returns the diagnostics' codes.
    static func parseOnSmallStack(_ bytes: [UInt8]) -> [String] {
        final class Box: @unchecked Sendable {  // written by the thread before `done` is signalled
            var codes: [String] = []
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let file = Parser.parse(SourceFile(path: "t", bytes: bytes))
            _ = SyntaxDump.dump(file.body, ranges: true)
            let copy = file.body
            precondition(copy == file.body)
            box.codes = file.diagnostics.map(\.code.id)
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        return box.codes
    }

    static let depth = 100_000

    @Test(arguments: [
        "a = " + String(repeating: "[", count: depth),
        "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n",
        "a = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\n",
        "a = " + String(repeating: "{a=", count: depth),
        "a = " + String(repeating: "{a={b=[", count: depth / 3),
        String(repeating: "a {\n", count: depth),
        "a { b = " + String(repeating: "{ c = ", count: depth),
        "a = " + String(repeating: "\"${", count: depth),
        "a = " + String(repeating: "<<EOT\n${", count: depth / 2),
        "a = " + String(repeating: "!", count: depth) + "x\n",
        "a = " + String(repeating: "-", count: depth) + "x\n",
        "a = x" + String(repeating: " + x", count: depth) + "\n",
        "a = " + String(repeating: "x ? y : ", count: depth) + "z\n",
        "a = x" + String(repeating: "[y]", count: depth) + "\n",
        "a = x" + String(repeating: "[*]", count: depth) + "\n",
        "a = x" + String(repeating: "[*].y", count: depth) + "\n",
        "a = \"" + String(repeating: "%{if x}", count: depth) + String(repeating: "%{endif}", count: depth) + "\"\n",
        "a = \"" + String(repeating: "%{for x in y}", count: depth) + "\"\n",
        "a = " + String(repeating: "f(", count: depth) + String(repeating: ")", count: depth) + "\n",
        "a = " + String(repeating: "[for x in ", count: depth) + "\n",
    ])
    func deepNestingIsReportedNotFatal(source: String) {
        let codes = ParserLimitsTests.parseOnSmallStack(Array(source.utf8))
        #expect(codes.contains(DiagnosticCode.nestingTooDeep.id), "\(codes.prefix(5))")
        #expect(codes.count < 10)
    }

    @Test func nestingJustBelowTheLimitIsAccepted() {
        let levels = SyntaxParser.maximumDepth - 1
        let source = "a = " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
        #expect(ParserLimitsTests.parseOnSmallStack(Array(source.utf8)).isEmpty)
        let blocks = String(repeating: "a {\n", count: levels) + String(repeating: "}\n", count: levels)
        #expect(ParserLimitsTests.parseOnSmallStack(Array(blocks.utf8)).isEmpty)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SeededRandom(seed: 42)
        let alphabet = Array("ab01 =\n{}[]()\"$%~<-.*,:?!&|;'`#/\\\t\r".utf8) + [0, 0xFF, 0xC3, 0xE2]
        for round in 0..<300 {
            let length = Int(generator.next() % 400)
            let bytes: [UInt8] = (0..<length).map { _ in
                round % 2 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            let file = Parser.parse(SourceFile(path: "r", bytes: bytes))
            for diagnostic in file.diagnostics {
                let subject = diagnostic.subject ?? SourceRange(0, 0)
                #expect(subject.start <= subject.end && Int(subject.end) <= bytes.count)
            }
        }
    }

    @Test func truncatedRealisticInputNeverCrashes() {
        let source = Array(ParserLimitsTests.realistic.utf8)
        for end in stride(from: 0, through: source.count, by: 3) {
            let file = Parser.parse(SourceFile(path: "t", bytes: Array(source[..<end])))
            _ = SyntaxDump.dump(file.body)
        }
    }

    @Test func nulAndInvalidUTF8AreReported() {
        let nul = Parser.parse(SourceFile(path: "t", bytes: Array("a = 1\n".utf8) + [0] + Array("\nb = 2\n".utf8)))
        #expect(nul.diagnostics.map(\.code) == [.invalidCharacter])
        #expect(nul.body.attributes.map(\.name) == ["a", "b"])
        let bad = Parser.parse(SourceFile(path: "t", bytes: [0xFF, 0xFE, 0x0A] + Array("b = 2\n".utf8)))
        #expect(bad.diagnostics.map(\.code) == [.invalidCharacterEncoding])
        #expect(bad.body.attributes.map(\.name) == ["b"])
    }

    @Test func fiveMegabyteLineParses() {
        let elements = Array(repeating: "\"x\"", count: 1_000_000).joined(separator: ",")
        let source = "a = [" + elements + "]\n"
        let file = Parser.parse(SourceFile(path: "t", text: source))
        #expect(file.diagnostics.isEmpty)
        if case .tuple(let tuple) = file.body.attributes.first?.value {
            #expect(tuple.elements.count == 1_000_000)
        } else {
            Issue.record("not a tuple")
        }
        let long = "a = \"" + String(repeating: "y", count: 5_000_000) + "\"\n"
        #expect(Parser.parse(SourceFile(path: "t", text: long)).diagnostics.isEmpty)
    }

    static let realistic = """
    terraform {
      required_version = ">= 1.5"
    }

    variable "subnets" {
      type    = map(object({ cidr = string, az = string }))
      default = {}
    }

    locals {
      name   = "app-${var.env}"
      ports  = [80, 443]
      tags   = merge(var.tags, { Name = local.name })
      by_az  = { for k, s in var.subnets : s.az => k... }
      public = [for k, s in var.subnets : s.cidr if startswith(k, "pub")]
      cfg    = templatefile("${path.module}/cfg.tpl", { ports = local.ports })
      first  = aws_instance.web[0].id
      all    = aws_instance.web[*].id
      legacy = aws_instance.web.*.private_ip
      n      = length(var.subnets) > 0 ? var.subnets[keys(var.subnets)[0]].cidr : null
    }

    resource "aws_security_group" "web" {
      name = local.name

      dynamic "ingress" {
        for_each = toset(local.ports)
        content {
          from_port   = ingress.value
          to_port     = ingress.value
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }

      lifecycle { create_before_destroy = true }
    }

    resource "aws_iam_role_policy" "p" {
      for_each = var.subnets
      name     = "p-${each.key}"
      policy   = <<-EOT
        {
          "Statement": [
            %{~ for i, p in local.ports ~}
            { "Sid": "s${i}", "Port": ${p} }%{ if i < length(local.ports) - 1 },%{ endif }
            %{~ endfor ~}
          ]
        }
      EOT
      user_data = base64encode(<<EOF
    #!/bin/bash
    echo "$${HOME}" > /tmp/x
    EOF
      )
    }

    output "ids" {
      value     = { for k, v in aws_iam_role_policy.p : k => v.id }
      sensitive = false
    }

    """

    @Test func realisticConfigurationParsesCleanly() {
        let dump = ParserTest.body(ParserLimitsTests.realistic)
        #expect(dump.contains("(attr by_az (for-object k,s in (ref var .subnets) : (ref s .az) => k ...))"))
        #expect(dump.contains("(attr legacy (splat. (ref aws_instance .web) (rel * .private_ip)))"))
        #expect(dump.contains("(block lifecycle (body (attr create_before_destroy true)))"))
        #expect(dump.contains(##"(template "#!/bin/bash\necho \"${HOME}\" > /tmp/x\n")"##))
    }

    @Test func generatedConfigurationParsesCleanly() {
        var text = ""
        for index in 0..<500 {
            text += """
            resource "aws_instance" "i\(index)" {
              ami           = data.aws_ami.ubuntu.id
              instance_type = var.size == "big" ? "m5.large" : "t3.micro"
              subnet_id     = aws_subnet.s[\(index % 7)].id
              tags = {
                Name  = "i-\(index)-${var.env}"
                Index = \(index)
              }
              root_block_device { volume_size = \(index % 50 + 8) }
            }


            """
        }
        let file = ParserTest.parse(text)
        #expect(file.diagnostics.isEmpty)
        #expect(file.body.blocks.count == 500)
    }
}
