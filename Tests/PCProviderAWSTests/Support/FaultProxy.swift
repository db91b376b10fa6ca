import Foundation

/// The loopback fault proxy of moto.md §7 (`Fixtures/fault_proxy.py`), in
/// front of a moto server: point the client's endpoint at `endpoint`, load
/// rules, run the calls, then read `log()` to see every attempt.
final class FaultProxy: Sendable {
    let port: Int
    let controlPort: Int
    private let child: ChildProcess

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Starts the proxy forwarding to 127.0.0.1:`upstreamPort`. Delays are
    /// capped at `maxDelayMilliseconds`; the proxy exits by itself after
    /// `maxRuntime` seconds whatever happens.
    init(upstreamPort: Int, maxDelayMilliseconds: Int = 10_000, maxRequests: Int = 5_000, maxRuntime: Int = 1_800) throws(HarnessError) {
        guard let python = ChildProcess.findOnPath("python3") else {
            throw HarnessError("python3 is not on PATH; the fault proxy (Fixtures/fault_proxy.py) needs it. \(MotoServer.installHint)")
        }
        let script = try FaultProxy.scriptPath()
        let child = try ChildProcess(
            name: "fault_proxy", executable: python,
            arguments: [
                "-u", script, "--upstream-port", String(upstreamPort), "--max-delay-ms", String(maxDelayMilliseconds),
                "--max-requests", String(maxRequests), "--max-runtime", String(maxRuntime),
            ])
        do {
            let ports = try child.waitForOutput(timeout: 30, what: "its ports") { FaultProxy.ports(inOutput: $0) }
            port = ports.proxy
            controlPort = ports.control
        } catch {
            child.stop()
            throw error
        }
        self.child = child
    }

    deinit {
        child.stop()
    }

    /// Kills the proxy by its process id. Idempotent.
    func stop() {
        child.stop()
    }

    /// Replaces the rules (their counters start again at zero).
    func load(_ rules: [FaultRule]) throws(HarnessError) {
        let body: [UInt8]
        do {
            body = Array(try JSONSerialization.data(withJSONObject: ["rules": rules.map(\.json)]))
        } catch {
            throw HarnessError("Could not encode fault rules: \(error)")
        }
        let reply = try LoopbackHTTP.send(
            port: controlPort, method: "POST", path: "/rules", headers: [("Content-Type", "application/json")], body: body)
        guard reply.status == 200 else {
            throw HarnessError("The fault proxy refused the rules (\(reply.status)): \(reply.text)")
        }
    }

    /// Forgets the rules, the log and the attempt counters.
    func reset() throws(HarnessError) {
        let reply = try LoopbackHTTP.send(port: controlPort, method: "POST", path: "/reset")
        guard reply.status == 200 else { throw HarnessError("The fault proxy's reset answered \(reply.status): \(reply.text)") }
    }

    /// Every request seen since the last reset, in arrival order.
    func log() throws(HarnessError) -> [FaultLogEntry] {
        let reply = try LoopbackHTTP.send(port: controlPort, method: "GET", path: "/log")
        guard reply.status == 200 else { throw HarnessError("The fault proxy's log answered \(reply.status): \(reply.text)") }
        do {
            return try JSONDecoder().decode(FaultLog.self, from: Data(reply.body)).requests
        } catch {
            throw HarnessError("The fault proxy's log is not what the harness expects: \(error)\n\(reply.text.prefix(500))")
        }
    }

    static func ports(inOutput output: String) -> (proxy: Int, control: Int)? {
        for line in output.split(separator: "\n") where line.hasPrefix("FAULT_PROXY ") {
            var values: [String: Int] = [:]
            for field in line.split(separator: " ").dropFirst() {
                let parts = field.split(separator: "=")
                if parts.count == 2, let number = Int(parts[1]) { values[String(parts[0])] = number }
            }
            if let proxy = values["proxy_port"], let control = values["control_port"] { return (proxy, control) }
        }
        return nil
    }

    private static func scriptPath() throws(HarnessError) -> String {
        if let url = Bundle.module.url(forResource: "fault_proxy", withExtension: "py", subdirectory: "Fixtures") {
            return url.path
        }
        // Next to this file in the source tree, when the bundle lacks it.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fault_proxy.py").path
        guard FileManager.default.fileExists(atPath: source) else {
            throw HarnessError("Fixtures/fault_proxy.py is missing from the test bundle and from \(source).")
        }
        return source
    }
}

private struct FaultLog: Decodable {
    var requests: [FaultLogEntry]
}

/// One request as the proxy saw it.
struct FaultLogEntry: Decodable, Sendable, Equatable {
    var index: Int
    /// Seconds since the proxy started, when the request arrived.
    var time: Double
    var service: String
    var operation: String
    var method: String
    var path: String
    /// 1 for the first request with this service and operation, then 2, …
    var attempt: Int
    /// "pass", "error:Throttling", "delay:200", "close", "stall".
    var action: String
    /// What the client got back; nil when the connection was closed.
    var status: Int?
}

/// What the proxy does to the requests that match.
struct FaultRule: Sendable {
    enum Action: Sendable {
        /// A synthetic AWS error in the service's own shape.
        case error(FaultError)
        /// Waits before forwarding (or, `afterForwarding`, before replying).
        case delay(milliseconds: Int, afterForwarding: Bool = false)
        /// Closes the connection without a reply.
        case close
        /// Holds the request for the proxy's maximum delay, then closes.
        case stall
        case pass
    }

    var service: String
    var operation: String
    var action: Action
    /// Only the first `times` matching requests; nil: all of them.
    var times: Int?
    var bodyContains: String?
    /// Fires with this probability, from an RNG seeded with `seed`.
    var probability: Double?
    var seed: Int?

    init(service: String = "*", operation: String = "*", _ action: Action, times: Int? = nil, bodyContains: String? = nil,
         probability: Double? = nil, seed: Int? = nil) {
        self.service = service
        self.operation = operation
        self.action = action
        self.times = times
        self.bodyContains = bodyContains
        self.probability = probability
        self.seed = seed
    }

    var json: [String: Any] {
        var object: [String: Any] = ["service": service, "operation": operation]
        switch action {
        case .error(let error):
            object["action"] = "error"
            object["error"] = error.json
        case .delay(let milliseconds, let afterForwarding):
            object["action"] = "delay"
            object["delay_ms"] = milliseconds
            object["when"] = afterForwarding ? "after" : "before"
        case .close: object["action"] = "close"
        case .stall: object["action"] = "stall"
        case .pass: object["action"] = "pass"
        }
        if let times { object["times"] = times }
        if let bodyContains { object["body_contains"] = bodyContains }
        if let probability { object["probability"] = probability }
        if let seed { object["seed"] = seed }
        return object
    }
}

/// A synthetic error; the shape (EC2 XML, Query XML, JSON with
/// x-amzn-ErrorType) follows the request's service.
enum FaultError: Sendable {
    /// EC2 503 RequestLimitExceeded, Query 400 Throttling, JSON 400
    /// ThrottlingException, EFS 429 ThrottlingException.
    case throttling
    case tooManyRequests
    /// 500 InternalError.
    case internalError
    /// 503 ServiceUnavailable.
    case unavailable
    case custom(status: Int, code: String, message: String)

    var json: Any {
        switch self {
        case .throttling: "throttling"
        case .tooManyRequests: "too_many_requests"
        case .internalError: "internal"
        case .unavailable: "unavailable"
        case .custom(let status, let code, let message): ["status": status, "code": code, "message": message] as [String: Any]
        }
    }
}
