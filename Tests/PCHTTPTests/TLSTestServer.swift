import Foundation

/// `openssl s_server -www` on 127.0.0.1 with a fresh self-signed certificate for 127.0.0.1: a real
/// TLS peer for the client's tests. It answers `GET /` with an HTML status page over HTTP/1.0.
/// `stop()` terminates it by its process id and removes its files.
final class TLSTestServer {
    let port: Int
    /// The server's certificate, to trust as a CA bundle.
    let certificatePath: String
    private let process: Process
    private let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pcplan-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificatePath = directory.appendingPathComponent("cert.pem").path
        let keyPath = directory.appendingPathComponent("key.pem").path
        try Self.run([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyPath, "-out", certificatePath,
        ])

        let log = directory.appendingPathComponent("server.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw ServerError("cannot create \(log.path)")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", certificatePath, "-key", keyPath, "-www"]
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ServerError("cannot start `openssl s_server` (is OpenSSL's command-line tool installed?): \(error)")
        }

        // It prints "ACCEPT 127.0.0.1:<port>" once listening.
        let deadline = Date().addingTimeInterval(10)
        var found: Int?
        while found == nil && Date() < deadline && process.isRunning {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            found = text.components(separatedBy: "\n").lazy
                .compactMap { $0.hasPrefix("ACCEPT 127.0.0.1:") ? Int($0.dropFirst("ACCEPT 127.0.0.1:".count)) : nil }
                .first
            if found == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        guard let found else {
            Self.terminate(process, removing: directory)
            throw ServerError("`openssl s_server` did not report a listening port within 10 s")
        }
        port = found
    }

    func stop() {
        Self.terminate(process, removing: directory)
    }

    private static func terminate(_ process: Process, removing directory: URL) {
        if process.isRunning {
            // SIGKILL, not SIGTERM: a child started from a Dispatch worker thread inherits that
            // thread's signal mask, in which SIGTERM is blocked, so SIGTERM would never arrive.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServerError("`openssl \(arguments.first ?? "")` failed with status \(process.terminationStatus)")
        }
    }
}
