import Foundation
import PCAWS
import PCHTTP
import PCLang
import PCProvider
@testable import PCProviderAWS

/// Building providers and clients that talk to the suite's moto server,
/// isolated from the machine's own AWS set-up (no environment variables, an
/// empty home directory), so a developer's ~/.aws never leaks into a test.
enum ProviderFixture {
    /// A fresh, empty home directory (no ~/.aws).
    static func emptyHome() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pcplan-home-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func environment(_ variables: [String: String] = [:], home: String? = nil) -> AWSEnvironment {
        AWSEnvironment(variables: variables, homeDirectory: home ?? emptyHome())
    }

    /// Retry timing that keeps failing tests fast.
    static let quickRetries = RetryPolicy(maxAttempts: 5, baseDelay: 0.01, maxDelay: 0.05)

    /// A provider reading only `variables` (and an empty home).
    static func provider(
        _ variables: [String: String] = [:], home: String? = nil, log: AWSDebugLog? = nil, retry: RetryPolicy? = quickRetries
    ) -> AWSProvider {
        AWSProvider(environment: environment(variables, home: home), log: log, retryTiming: retry)
    }

    /// `endpoints { <every service> = url }`.
    static func endpoints(_ url: String) -> Value {
        .object(Dictionary(uniqueKeysWithValues: AWSProviderSettings.endpointKeys.map { ($0, Value.string(url)) }))
    }

    /// A provider block as the planner passes it: every argument present,
    /// null where unset.
    static func block(_ attributes: [String: Value]) -> Value {
        .state(attributes, schema: AWSProviderSettings.schema)
    }

    /// The block that points everything at `endpoint` with moto's current key.
    static func block(for moto: MotoServer, endpoint: String? = nil, region: String = "us-east-1", _ extra: [String: Value] = [:]) -> Value {
        var attributes: [String: Value] = [
            "region": .string(region),
            "access_key": .string(moto.credentials.accessKeyID),
            "secret_key": .string(moto.credentials.secretAccessKey),
            "endpoints": endpoints(endpoint ?? moto.endpoint),
        ]
        for (name, value) in extra { attributes[name] = value }
        return block(attributes)
    }

    /// The configured provider for the suite's moto, or the test fails.
    static func configured(_ moto: MotoServer, region: String = "us-east-1") throws -> ConfiguredAWSProvider {
        let configured = try provider().configured(with: block(for: moto, region: region))
        guard let aws = configured as? ConfiguredAWSProvider else {
            throw HarnessError("configured(with:) returned \(type(of: configured)), not ConfiguredAWSProvider")
        }
        return aws
    }

    /// A client straight to `endpoint` (moto or a fault proxy in front of it).
    static func client(
        _ moto: MotoServer, endpoint: String? = nil, region: String = "us-east-1", retry: RetryPolicy = quickRetries,
        log: AWSDebugLog? = nil, requestTimeout: Double? = nil
    ) -> AWSClient {
        var options = HTTPClientOptions()
        options.proxy = .none
        if let requestTimeout { options.requestTimeout = requestTimeout }
        let url = endpoint ?? moto.endpoint
        return AWSClient(
            credentials: AWSCredentials(
                accessKeyID: moto.credentials.accessKeyID, secretAccessKey: moto.credentials.secretAccessKey, source: "the test harness"),
            region: region,
            endpointOverrides: Dictionary(uniqueKeysWithValues: AWSService.all.map { ($0.endpointKey, url) }),
            http: HTTPClient(options: options), retry: retry, log: log)
    }
}

/// Collects debug log entries from many threads.
final class LogCollector: @unchecked Sendable {
    // @unchecked: `entries` is only touched under `lock`.
    private let lock = NSLock()
    private var entries: [String] = []

    var sink: AWSDebugLog {
        { [self] entry in
            lock.lock()
            entries.append(entry)
            lock.unlock()
        }
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }
}
