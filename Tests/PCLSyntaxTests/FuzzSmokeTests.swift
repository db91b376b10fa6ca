import PCDiagnostics
import PCLTestSupport
import Testing
@testable import PCLSyntax

/// A short, deterministic run of what fuzz/run.sh does for hours: mutate
/// valid configurations in ways people and tools actually break them, and
/// check that the front end holds its invariants on every result.
@Suite("Fuzz smoke")
struct FuzzSmokeTests {
    /// Pieces that change the lexer's mode or the parser's nesting: the
    /// mutations most likely to find a bad state.
    static let dictionary: [String] = [
        "\"", "${", "%{", "}", "~}", "{", "[", "]", "(", ")", "<<EOT\n", "<<-EOT\n", "\nEOT\n", "EOT",
        "\n", "\r\n", "#", "//", "/*", "*/", "=", "==", "=>", "...", ".", ",", ":", "?", "for", "in", "if",
        "endfor", "endif", "else", "\\", "\\u", "$${", "%%{", ".0", "[*]", ".*", "-", "!", "&&", "0.1e",
        "\u{0}", "\u{FEFF}", "é", "\u{201C}", ";", "'", "`",
    ]

    static let seeds: [String] = {
        var generator = ConfigurationGenerator(seed: 7, messy: true)
        let generated = generator.configuration(resources: 6)
        return [
            generated,
            "a = 1\n",
            "resource \"x\" \"y\" {\n  v = \"${a.b[*].c} %{ if x }y%{ endif }\"\n  h = <<-EOT\n    z ${q}\n  EOT\n}\n",
            "o = { for k, v in m : k => v... if v != null }\nt = [for x in xs : -x * 2 + 1]\nc = a ? b : c.0.d\nf = f(a, b...)\n",
            "l = [\n  <<EOT\n  x\nEOT\n  , \"y\"\n]\n",
        ]
    }()

    @Test("mutated configurations keep every invariant")
    func mutations() {
        var random = SeededRandom(seed: 2026)
        var checked = 0
        for seed in Self.seeds {
            for _ in 0..<300 {
                var bytes = Array(seed.utf8)
                for _ in 0...random.next(upTo: 4) {
                    mutate(&bytes, &random)
                }
                check(bytes)
                checked += 1
            }
        }
        #expect(checked == Self.seeds.count * 300)
    }

    @Test("every prefix of a configuration (half-typed input)")
    func truncations() {
        let text = Array(Self.seeds[2].utf8) + Array(Self.seeds[3].utf8)
        for length in 0...text.count {
            check(Array(text[0..<length]))
        }
    }

    @Test("random bytes")
    func randomBytes() {
        var random = SeededRandom(seed: 99)
        for _ in 0..<200 {
            let bytes = (0..<random.next(upTo: 400)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            check(bytes)
        }
    }

    private func mutate(_ bytes: inout [UInt8], _ random: inout SeededRandom) {
        let position = bytes.isEmpty ? 0 : random.next(upTo: bytes.count + 1)
        switch random.next(upTo: 5) {
        case 0 where !bytes.isEmpty: // delete a run
            let end = min(bytes.count, position + 1 + random.next(upTo: 8))
            if position < end { bytes.removeSubrange(position..<end) }
        case 1: // insert a dictionary piece
            let piece = Self.dictionary[random.next(upTo: Self.dictionary.count)]
            bytes.insert(contentsOf: Array(piece.utf8), at: position)
        case 2 where !bytes.isEmpty: // overwrite a byte with anything
            bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
        case 3 where bytes.count > 2: // duplicate a slice elsewhere
            let start = random.next(upTo: bytes.count - 1)
            let end = min(bytes.count, start + 1 + random.next(upTo: 40))
            bytes.insert(contentsOf: Array(bytes[start..<end]), at: position)
        default: // truncate
            bytes.removeSubrange(position..<bytes.count)
        }
    }

    /// The invariants: tokens ordered and in bounds, end-of-file last,
    /// diagnostics in bounds with a location, and for clean input a
    /// formatting that keeps the tokens and is a fixed point.
    private func check(_ bytes: [UInt8]) {
        let file = SourceFile(path: "fuzz.pcl", bytes: bytes)
        let syntax = Parser.parse(file)
        var previousEnd = 0
        var ordered = true
        for token in syntax.tokens {
            if token.start < previousEnd || token.end < token.start || token.end > bytes.count { ordered = false }
            previousEnd = token.end
        }
        #expect(ordered, "tokens out of order for \(debugText(bytes))")
        #expect(syntax.tokens.last?.kind == .endOfFile)
        for diagnostic in syntax.diagnostics {
            let inBounds = diagnostic.subject.map { $0.start <= $0.end && Int($0.end) <= bytes.count } ?? false
            #expect(inBounds, "diagnostic '\(diagnostic.summary)' has no valid subject for \(debugText(bytes))")
            #expect(!diagnostic.detail.isEmpty)
        }
        guard !syntax.diagnostics.hasErrors else { return }
        let lexed = Lexer.tokenize(file)
        let formatted = PCLFormatter.format(lexed)
        let relexed = Lexer.tokenize(SourceFile(path: "fuzz.pcl", bytes: formatted))
        #expect(FrontEndInvariants.firstDifference(lexed, relexed) == nil, "for \(debugText(bytes))")
        #expect(PCLFormatter.format(relexed) == formatted, "not a fixed point for \(debugText(bytes))")
        #expect(!Parser.parse(relexed.file).diagnostics.hasErrors, "formatting broke \(debugText(bytes))")
    }

    private func debugText(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription
    }
}
