// pcplan-bench: in-process throughput of the PCL front end.
//
//   swift run -c release pcplan-bench [--repeat K] [--generate N] [FILE ...]
//
// For each input (a file, or a configuration of N resources made by
// PCLTestSupport's generator and formatted first), it times lexing, parsing
// and formatting separately, K times each, and prints the fastest run of each
// stage with its throughput, then the process's peak resident memory.
// Whole-process comparisons with the Go reference are made by
// shared/bench/compare-parse.sh; see docs/performance.md.
//
//   swift run -c release pcplan-bench graph [NODES] [EDGES]
//
// times the dependency graph instead; see GraphBenchmark.swift.
//
//   pcplan-bench schedule [ACTIONS] [PARALLELISM] [SEED]
//
// simulates apply schedules (bound, topological, critical path first);
// see ScheduleBenchmark.swift.
//
//   pcplan-bench seed-state DIR
//
// records in DIR's state what applying its configuration would, for
// measuring no-op plans; see StateSeeding.swift.

#if canImport(Glibc)
import Glibc
#endif
import PCDiagnostics
import PCLSyntax
import PCLTestSupport

struct Options {
    var repeatCount = 5
    var generate: [Int] = []
    var files: [String] = []

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--repeat", "-repeat":
                repeatCount = max(1, Int(iterator.next() ?? "") ?? repeatCount)
            case "--generate", "-generate":
                if let count = Int(iterator.next() ?? "") { generate.append(count) }
            case "--help", "-h":
                print("usage: pcplan-bench [--repeat K] [--generate N] [FILE ...]")
                exit(0)
            default:
                files.append(argument)
            }
        }
        if generate.isEmpty && files.isEmpty { generate = [1_000, 10_000] }
    }
}

/// Runs `body` `count` times and returns the fastest duration in
/// milliseconds with the last result.
func fastest<T>(_ count: Int, _ body: () -> T) -> (Double, T) {
    var best = Double.infinity
    var result: T?
    let clock = ContinuousClock()
    for _ in 0..<count {
        let start = clock.now
        result = body()
        let elapsed = clock.now - start
        let ms = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        best = min(best, ms)
    }
    return (best, result!)
}

func peakResidentMegabytes() -> Double {
    guard let bytes = readFile("/proc/self/status") else { return .nan }
    let status = String(decoding: bytes, as: UTF8.self)
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").compactMap { Double($0) }
        if let kilobytes = digits.first { return kilobytes / 1024 }
    }
    return .nan
}

func readFile(_ path: String) -> [UInt8]? {
    guard let handle = fopen(path, "rb") else { return nil }
    defer { fclose(handle) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let read = fread(&chunk, 1, chunk.count, handle)
        if read <= 0 { break }
        bytes.append(contentsOf: chunk[0..<read])
    }
    return bytes
}

func format(_ value: Double, _ digits: Int = 1) -> String {
    var text = String(Int((value * pow(10, Double(digits))).rounded()))
    while text.count <= digits { text = "0" + text }
    text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
    return text
}

func measure(name: String, bytes: [UInt8], repeatCount: Int) {
    let file = SourceFile(path: name, bytes: bytes)
    let megabytes = Double(bytes.count) / 1_000_000
    let (lexMs, lexed) = fastest(repeatCount) { Lexer.tokenize(file) }
    let (parseMs, parsed) = fastest(repeatCount) { Parser.parse(file) }
    let (formatMs, formatted) = fastest(repeatCount) { PCLFormatter.format(lexed) }
    let unchanged = formatted == bytes
    print("\(name): \(bytes.count) bytes, \(lexed.tokens.count) tokens, \(parsed.diagnostics.count) diagnostics, already formatted: \(unchanged)")
    for (stage, ms) in [("lex", lexMs), ("parse (lex + tree)", parseMs), ("format", formatMs)] {
        print("  \(stage + String(repeating: " ", count: max(0, 20 - stage.count))) \(format(ms)) ms  \(format(megabytes / (ms / 1000))) MB/s")
    }
}

if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "graph" {
    GraphBenchmark.run(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "schedule" {
    ScheduleBenchmark.run(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "seed-state" {
    StateSeeding.run(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}
let options = Options(Array(CommandLine.arguments.dropFirst()))
for count in options.generate {
    var generator = ConfigurationGenerator(seed: 1)
    let text = generator.configuration(resources: count)
    // Measure on canonical text, as `fmt -check` on a clean tree sees it.
    let lexed = Lexer.tokenize(SourceFile(path: "generated", text: text))
    measure(name: "generated-\(count)", bytes: PCLFormatter.format(lexed), repeatCount: options.repeatCount)
}
for path in options.files {
    guard let bytes = readFile(path) else {
        print("pcplan-bench: cannot read \(path)")
        exit(1)
    }
    measure(name: path, bytes: bytes, repeatCount: options.repeatCount)
}
print("peak resident memory: \(format(peakResidentMegabytes())) MB")
