import Foundation
import PCAWS
import PCHTTP

/// Clients for the S3 tests: straight to the suite's moto, which checks
/// every signature. S3 is not one of the provider's services, so
/// `ProviderFixture.client` does not point it at moto.
enum S3Moto {
    static func client(
        _ moto: MotoServer, region: String = "us-east-1", credentials: AWSCredentials? = nil, log: AWSDebugLog? = nil
    ) -> AWSClient {
        var options = HTTPClientOptions()
        options.proxy = .none
        let key = moto.credentials
        return AWSClient(
            credentials: credentials ?? AWSCredentials(
                accessKeyID: key.accessKeyID, secretAccessKey: key.secretAccessKey, source: "the test harness"),
            region: region,
            endpointOverrides: [AWSService.s3.endpointKey: moto.endpoint, AWSService.iam.endpointKey: moto.endpoint],
            http: HTTPClient(options: options), retry: ProviderFixture.quickRetries, log: log)
    }

    /// An IAM user inside moto with a key and no policy at all: every S3
    /// call it signs is denied.
    static func powerlessCredentials(_ moto: MotoServer) throws -> AWSCredentials {
        let iam = client(moto)
        _ = try iam.query(.iam, "CreateUser", [("UserName", "nobody")])
        let reply = try iam.query(.iam, "CreateAccessKey", [("UserName", "nobody")])
        guard let keyID = reply.string("CreateAccessKeyResult", "AccessKey", "AccessKeyId"),
              let secret = reply.string("CreateAccessKeyResult", "AccessKey", "SecretAccessKey")
        else {
            throw HarnessError("moto's CreateAccessKey reply for user nobody has no key")
        }
        return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, source: "the powerless test user")
    }
}
