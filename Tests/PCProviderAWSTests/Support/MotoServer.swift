import Foundation

/// The key of the IAM user the harness creates inside moto; every request
/// after the bootstrap must be signed with it (moto.md §4).
struct MotoCredentials: Sendable, Equatable {
    var accessKeyID: String
    var secretAccessKey: String
}

/// A `moto_server` on 127.0.0.1 with signature checking on, for one test
/// suite (suites run in parallel, each with its own server; a suite's tests
/// run one at a time and call `reset()` between them).
///
/// Starting: `moto_server -H 127.0.0.1 -p 0`, the port read from its
/// ` * Running on http://127.0.0.1:<port>` line, readiness from
/// `GET /moto-api/` answering 200, then the bootstrap of moto.md §4: three
/// unchecked IAM calls create user `pcplan` with an allow-all policy and an
/// access key. From then on moto checks every signature.
final class MotoServer: @unchecked Sendable {
    // @unchecked: `current` (the key, replaced by every reset) is guarded by
    // `lock`; everything else is set once in init.
    let port: Int
    private let child: ChildProcess
    private let lock = NSLock()
    private var current: MotoCredentials

    /// How many unchecked calls the bootstrap makes before checking starts.
    static let uncheckedCalls = 3
    /// The account moto reports for every caller.
    static let accountID = "123456789012"
    static let installHint = "Install it with `bash scripts/install-deps.sh --with-moto` (that is: python3 -m pip install 'moto[server]==5.2.1')."

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// The key moto accepts now (it changes with every reset).
    var credentials: MotoCredentials {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// `searchPath` replaces PATH when looking for `moto_server`.
    init(startTimeout: Double = 60, searchPath: String? = nil) throws(HarnessError) {
        guard let executable = ChildProcess.findOnPath("moto_server", searchPath: searchPath) else {
            throw HarnessError("moto_server is not installed (it is not on PATH), and the integration tests need it as their local AWS endpoint. \(MotoServer.installHint)")
        }
        let child = try ChildProcess(
            name: "moto_server", executable: executable, arguments: ["-H", "127.0.0.1", "-p", "0"],
            environment: [
                "INITIAL_NO_AUTH_ACTION_COUNT": String(MotoServer.uncheckedCalls),
                "MOTO_IAM_LOAD_MANAGED_POLICIES": "true",
            ])
        do {
            port = try child.waitForOutput(timeout: startTimeout, what: "its port") { MotoServer.port(inLog: $0) }
            try MotoServer.waitUntilReady(port: port, child: child, timeout: startTimeout)
            current = try MotoServer.bootstrap(port: port)
        } catch {
            child.stop()
            if child.output.contains("command not found") || child.output.contains("No module named") {
                throw HarnessError("moto_server could not run: \(error.message)\n\(MotoServer.installHint)")
            }
            throw error
        }
        self.child = child
    }

    deinit {
        child.stop()
    }

    /// Kills the server by its process id. Idempotent.
    func stop() {
        child.stop()
    }

    var isRunning: Bool { child.isRunning }

    /// Wipes every backend, restarts the unchecked-call counter and
    /// bootstraps a new key (the old one is gone with the reset).
    func reset() throws(HarnessError) {
        let wiped = try LoopbackHTTP.send(port: port, method: "POST", path: "/moto-api/reset")
        guard wiped.status == 200 else {
            throw HarnessError("moto's POST /moto-api/reset answered \(wiped.status): \(wiped.text.prefix(300))")
        }
        // text/plain matters: with a form content type moto sees an empty
        // body and answers 500 (moto.md §4).
        let counter = try LoopbackHTTP.send(
            port: port, method: "POST", path: "/moto-api/reset-auth", headers: [("Content-Type", "text/plain")],
            body: Array(String(MotoServer.uncheckedCalls).utf8))
        guard counter.status == 200 else {
            throw HarnessError("moto's POST /moto-api/reset-auth answered \(counter.status): \(counter.text.prefix(300))")
        }
        let fresh = try MotoServer.bootstrap(port: port)
        lock.lock()
        current = fresh
        lock.unlock()
    }

    /// The last lines moto printed (its request log), for failure messages.
    func logTail(lines: Int = 20) -> String {
        child.outputTail(lines: lines)
    }

    // MARK: Starting

    static func port(inLog log: String) -> Int? {
        let marker = "Running on http://127.0.0.1:"
        guard let range = log.range(of: marker) else { return nil }
        let digits = log[range.upperBound...].prefix { $0.isNumber }
        // The line may still be half-written.
        guard log[range.upperBound...].dropFirst(digits.count).first?.isNewline == true else { return nil }
        return Int(digits)
    }

    private static func waitUntilReady(port: Int, child: ChildProcess, timeout: Double) throws(HarnessError) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = "no answer yet"
        while Date() < deadline {
            guard child.isRunning else {
                throw HarnessError("moto_server exited while starting. Its output:\n\(child.outputTail())")
            }
            do {
                let reply = try LoopbackHTTP.send(port: port, method: "GET", path: "/moto-api/", timeout: 5)
                if reply.status == 200 { return }
                last = "status \(reply.status)"
            } catch {
                last = error.message
            }
            usleep(50_000)
        }
        throw HarnessError("moto_server on port \(port) was not ready after \(Int(timeout)) s (\(last)). Its output:\n\(child.outputTail())")
    }

    // MARK: Bootstrap

    /// The three unchecked IAM calls. moto routes by the credential scope,
    /// so they carry an Authorization header with scope service `iam`; the
    /// key and signature in it are never checked.
    static func bootstrap(port: Int) throws(HarnessError) -> MotoCredentials {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        _ = try uncheckedIAMCall(port: port, [("Action", "CreateUser"), ("Version", "2010-05-08"), ("UserName", "pcplan")])
        _ = try uncheckedIAMCall(port: port, [
            ("Action", "PutUserPolicy"), ("Version", "2010-05-08"), ("UserName", "pcplan"), ("PolicyName", "all"),
            ("PolicyDocument", policy),
        ])
        let reply = try uncheckedIAMCall(port: port, [("Action", "CreateAccessKey"), ("Version", "2010-05-08"), ("UserName", "pcplan")])
        guard let keyID = xmlText("AccessKeyId", in: reply), let secret = xmlText("SecretAccessKey", in: reply) else {
            throw HarnessError("moto's CreateAccessKey reply has no AccessKeyId/SecretAccessKey: \(reply.prefix(300))")
        }
        return MotoCredentials(accessKeyID: keyID, secretAccessKey: secret)
    }

    private static func uncheckedIAMCall(port: Int, _ parameters: [(String, String)]) throws(HarnessError) -> String {
        let action = parameters.first { $0.0 == "Action" }?.1 ?? "?"
        let body = formEncode(parameters)
        let reply = try LoopbackHTTP.send(
            port: port, method: "POST", path: "/",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                ("X-Amz-Date", "20250101T000000Z"),
                ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAHARNESSBOOTSTRAP/20250101/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000"),
            ],
            body: Array(body.utf8))
        guard reply.status == 200 else {
            throw HarnessError("The bootstrap call IAM \(action) to moto answered \(reply.status): \(reply.text.prefix(400))")
        }
        return reply.text
    }

    /// Form encoding exactly as moto re-encodes it (moto.md §4): space as
    /// `+`, unreserved characters literal, everything else `%XX` uppercase.
    static func formEncode(_ parameters: [(String, String)]) -> String {
        parameters.map { "\(formEscape($0.0))=\(formEscape($0.1))" }.joined(separator: "&")
    }

    static func formEscape(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                result += "+"
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    /// The text of the first `<tag>` element: enough for the few values the
    /// harness itself reads.
    static func xmlText(_ tag: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(tag)>"), let close = xml.range(of: "</\(tag)>", range: open.upperBound..<xml.endIndex) else {
            return nil
        }
        return String(xml[open.upperBound..<close.lowerBound])
    }
}
