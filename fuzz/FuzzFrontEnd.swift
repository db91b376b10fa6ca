// libFuzzer entry point for the PCL front end: lexes, parses and (when the
// input parses cleanly) formats each input, checking the invariants that must
// hold for any bytes at all. Built and run by fuzz/run.sh.

import PCDiagnostics
import PCLSyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontEnd(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = SourceFile(path: "fuzz.pcl", bytes: bytes)
    let syntax = Parser.parse(file)

    // Tokens are in order, inside the file, and end with end-of-file.
    var previousEnd = 0
    for token in syntax.tokens {
        precondition(token.start >= previousEnd && token.end >= token.start && token.end <= size, "token out of order")
        previousEnd = token.end
    }
    precondition(syntax.tokens.last?.kind == .endOfFile, "missing end-of-file token")

    // Every diagnostic points inside the file.
    for diagnostic in syntax.diagnostics {
        if let subject = diagnostic.subject {
            precondition(subject.start <= subject.end && Int(subject.end) <= size, "diagnostic range outside file")
        }
    }

    // A clean file formats to the same tokens, and formatting is a fixed point.
    if !syntax.diagnostics.hasErrors {
        let lexed = Lexer.tokenize(file)
        let once = PCLFormatter.format(lexed)
        let reformatted = SourceFile(path: "fuzz.pcl", bytes: once)
        let relexed = Lexer.tokenize(reformatted)
        precondition(FrontEndInvariants.sameTokens(lexed, relexed), "formatting changed the tokens")
        precondition(PCLFormatter.format(relexed) == once, "formatting is not a fixed point")
    }
    return 0
}
