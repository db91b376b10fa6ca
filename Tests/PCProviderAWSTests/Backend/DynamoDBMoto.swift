import Foundation
import PCAWS
import PCHTTP

/// Clients for the DynamoDB tests: straight to the suite's moto, which
/// checks every signature. `ProviderFixture.client` points only the
/// provider's services at moto, and DynamoDB is not one of them.
enum DynamoDBMoto {
    static func client(_ moto: MotoServer, secret: String? = nil, retry: RetryPolicy = ProviderFixture.quickRetries) -> AWSClient {
        var options = HTTPClientOptions()
        options.proxy = .none
        let credentials = moto.credentials
        return AWSClient(
            credentials: AWSCredentials(
                accessKeyID: credentials.accessKeyID, secretAccessKey: secret ?? credentials.secretAccessKey,
                source: "the test harness"),
            region: "us-east-1", endpointOverrides: [AWSService.dynamoDB.endpointKey: moto.endpoint],
            http: HTTPClient(options: options), retry: retry)
    }

    /// Whether process `pid` is gone: the check a caller plugs into
    /// `DynamoDBLock.holderIsGone` (PCState has a finer one).
    static func processIsGone(_ pid: Int, _ startTime: Int64?) -> Bool {
        kill(pid_t(pid), 0) != 0 && errno == ESRCH
    }
}
