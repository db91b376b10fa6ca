import PCLang
import Testing

/// Every function, called with many combinations of awkward arguments:
/// whatever comes back — a value or an error — nothing may crash, and the
/// marks must hold (a sensitive argument never yields an unmarked result
/// unless the function deals with marks itself).
@Suite("Functions with arbitrary arguments")
struct FunctionRobustnessTests {
    static let pool: [Value] = [
        .null, .unknown, .unknown(.string), .string(""), .string("a,b"), .string("10.0.0.0/16"),
        .string("${x}"), .string("é\u{301}\n"), .number(0), .number(-1), .number(3), .number(Number(exactly: 2.5)!),
        .number(Number(parsing: "1e30")!), .true, .false, .list(strings: ["a", "b"]), .emptyTuple,
        .tuple([.number(1), .string("x")]), .set([.string("b"), .string("a")], element: .string),
        .map(["k": .string("v")], element: .string), .emptyObject,
        .object(["name": .string("web"), "port": .number(80)]),
        .list([.list(strings: ["x"]), .list(strings: [])], element: .list(.string)),
        Value.string("secret").marked(), Value.list(strings: ["s"]).marked(),
    ]

    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("no function crashes, and sensitive arguments stay sensitive")
    func arbitraryArguments() {
        let library = FunctionLibrary.standard
        let context = FunctionContext(baseDirectory: "/nonexistent-pcplan-directory", allowsImpureResults: false)
        var random = SplitMix64(state: 2026)
        var calls = 0
        for name in library.names where !["bcrypt", "can", "try", "templatestring"].contains(name) {
            let function = library.function(named: name)!
            let arities = [function.parameters.count] + (function.variadic != nil ? [function.parameters.count + 1, function.parameters.count + 2] : [])
            for _ in 0..<120 {
                let arity = arities[Int(random.next() % UInt64(arities.count))]
                let arguments = (0..<arity).map { _ in Self.pool[Int(random.next() % UInt64(Self.pool.count))] }
                calls += 1
                guard let result = try? library.call(function, arguments: arguments, context: context) else { continue }
                if !function.handlesMarks && arguments.contains(where: \.containsSensitive) {
                    #expect(result.containsSensitive, "\(name)(\(arguments)) lost the sensitive mark")
                }
            }
        }
        #expect(calls > 10_000)
    }
}
