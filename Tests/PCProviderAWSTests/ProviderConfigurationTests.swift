import Foundation
import PCAWS
import PCLang
import PCProvider
@testable import PCProviderAWS
import Testing

/// Configuring the provider against moto with signature checking on: good
/// keys work from every source, bad or missing ones fail at configure with
/// a diagnostic that says where the key came from and what is wrong.
@Suite(.serialized, .motoServer)
struct ProviderConfigurationTests {
    let moto: MotoServer

    init() throws {
        moto = try MotoServer.forTest()
    }

    func callerARN(_ configured: any ConfiguredProvider) throws -> String? {
        try configured.readDataSource(type: "aws_caller_identity", configuration: .null).stringAttribute("arn")
    }

    @Test func aGoodKeyFromTheProviderBlockWorks() throws {
        let configured = try ProviderFixture.provider().configured(with: ProviderFixture.block(for: moto))
        #expect(try callerARN(configured) == "arn:aws:iam::123456789012:user/pcplan")
    }

    @Test func aWrongSecretKeyFailsAtConfigureNamingTheSource() throws {
        let wrong = String(repeating: "Z", count: 40)
        let block = ProviderFixture.block(for: moto, ["secret_key": .string(wrong)])
        let error = #expect(throws: ProviderError.self) { try ProviderFixture.provider().configured(with: block) }
        #expect(error?.summary == "The AWS credentials were rejected")
        let detail = error?.detail ?? ""
        #expect(detail.hasPrefix("The AWS credentials from the provider block were rejected: SignatureDoesNotMatch"), "\(detail)")
        #expect(detail.contains("check that the secret key belongs to access key \(moto.credentials.accessKeyID)"))
        #expect(!detail.contains(wrong))
        #expect(!detail.contains(moto.credentials.secretAccessKey))
    }

    @Test func anUnknownAccessKeyFailsAtConfigure() throws {
        let block = ProviderFixture.block(for: moto, ["access_key": .string("AKIAUNKNOWN000000000")])
        let error = #expect(throws: ProviderError.self) { try ProviderFixture.provider().configured(with: block) }
        #expect(error?.detail.contains("from the provider block were rejected: InvalidClientTokenId") == true, "\(error?.detail ?? "")")
        #expect(error?.detail.contains("AWS does not know AKIAUNKNOWN000000000") == true)
    }

    @Test func noCredentialsAnywhereListsTheSourcesTried() throws {
        let block = ProviderFixture.block(["region": .string("us-east-1"), "endpoints": ProviderFixture.endpoints(moto.endpoint)])
        let error = #expect(throws: ProviderError.self) { try ProviderFixture.provider().configured(with: block) }
        let text = (error?.summary ?? "") + "\n" + (error?.detail ?? "")
        #expect(text.contains("the provider block"), "\(text)")
        #expect(text.contains("AWS_ACCESS_KEY_ID"))
        #expect(text.contains("credentials"))
    }

    @Test func keysFromTheEnvironmentWork() throws {
        let variables = [
            "AWS_ACCESS_KEY_ID": moto.credentials.accessKeyID, "AWS_SECRET_ACCESS_KEY": moto.credentials.secretAccessKey,
            "AWS_REGION": "eu-west-1", "AWS_ENDPOINT_URL": moto.endpoint,
        ]
        let configured = try ProviderFixture.provider(variables).configured(with: .null)
        #expect(try callerARN(configured) == "arn:aws:iam::123456789012:user/pcplan")
        let region = try configured.readDataSource(type: "aws_region", configuration: .null)
        #expect(region.stringAttribute("name") == "eu-west-1")
    }

    @Test func aWrongSecretInTheEnvironmentIsReportedAsSuch() throws {
        let variables = [
            "AWS_ACCESS_KEY_ID": moto.credentials.accessKeyID, "AWS_SECRET_ACCESS_KEY": String(repeating: "Q", count: 40),
            "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": moto.endpoint,
        ]
        let error = #expect(throws: ProviderError.self) { try ProviderFixture.provider(variables).configured(with: .null) }
        #expect(error?.detail.hasPrefix("The AWS credentials from the environment (AWS_ACCESS_KEY_ID) were rejected: SignatureDoesNotMatch") == true,
                "\(error?.detail ?? "")")
    }

    @Test func keysFromASharedCredentialsFileProfileWork() throws {
        let home = ProviderFixture.emptyHome()
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        try """
            [dev]
            aws_access_key_id = \(moto.credentials.accessKeyID)
            aws_secret_access_key = \(moto.credentials.secretAccessKey)
            """.write(toFile: home + "/.aws/credentials", atomically: true, encoding: .utf8)
        let block = ProviderFixture.block([
            "profile": .string("dev"), "region": .string("us-east-1"), "endpoints": ProviderFixture.endpoints(moto.endpoint),
        ])
        let configured = try ProviderFixture.provider(home: home).configured(with: block)
        #expect(try callerARN(configured) == "arn:aws:iam::123456789012:user/pcplan")

        try """
            [dev]
            aws_access_key_id = \(moto.credentials.accessKeyID)
            aws_secret_access_key = \(String(repeating: "P", count: 40))
            """.write(toFile: home + "/.aws/credentials", atomically: true, encoding: .utf8)
        let error = #expect(throws: ProviderError.self) { try ProviderFixture.provider(home: home).configured(with: block) }
        #expect(error?.detail.contains("profile \"dev\"") == true, "\(error?.detail ?? "")")
        #expect(error?.detail.contains("SignatureDoesNotMatch") == true)
    }

    @Test func skippingValidationDefersTheFailureToTheFirstCall() throws {
        let block = ProviderFixture.block(for: moto, [
            "secret_key": .string(String(repeating: "Z", count: 40)), "skip_credentials_validation": .true,
        ])
        let configured = try ProviderFixture.provider().configured(with: block)
        let error = #expect(throws: ProviderError.self) { try callerARN(configured) }
        #expect(error?.summary == "Reading the caller identity failed")
        #expect(error?.detail.contains("SignatureDoesNotMatch") == true)
        #expect(error?.detail.contains("The secret key does not belong to the access key") == true)
    }

    @Test func anUnreachableSTSIsNotMistakenForBadCredentials() throws {
        let block = ProviderFixture.block(for: moto, endpoint: "http://127.0.0.1:9")
        let error = #expect(throws: ProviderError.self) {
            try ProviderFixture.provider(retry: RetryPolicy(maxAttempts: 1)).configured(with: block)
        }
        #expect(error?.summary == "Could not check the AWS credentials")
        #expect(error?.detail.contains("http://127.0.0.1:9") == true, "\(error?.detail ?? "")")
        #expect(error?.detail.contains("skip_credentials_validation = true") == true)
    }

    @Test func debugLoggingHappensOnlyWithPCPLANLOGDebugAndIsRedacted() throws {
        let quiet = LogCollector()
        _ = try ProviderFixture.provider(log: quiet.sink).configured(with: ProviderFixture.block(for: moto))
        #expect(quiet.all.isEmpty)

        let loud = LogCollector()
        let configured = try ProviderFixture.provider(["PCPLAN_LOG": "debug"], log: loud.sink).configured(with: ProviderFixture.block(for: moto))
        _ = try callerARN(configured)
        let entries = loud.all
        // Request and response of one GetCallerIdentity: the credential
        // check asks STS, and the data source reuses the client's answer.
        #expect(entries.count == 2)
        #expect(entries.first?.hasPrefix("AWS request: sts GetCallerIdentity") == true)
        #expect(entries.allSatisfy { !$0.contains(moto.credentials.secretAccessKey) })
    }

    @Test func maxRetriesSetsTheAttemptBudget() throws {
        let configured = try ProviderFixture.configured(moto)
        #expect(configured.api.retryPolicy.maxAttempts == 5)
        let block = ProviderFixture.block(for: moto, ["max_retries": .number(1)])
        let custom = try #require(try ProviderFixture.provider().configured(with: block) as? ConfiguredAWSProvider)
        #expect(custom.api.retryPolicy.maxAttempts == 2)
    }

    @Test func invalidArgumentsAreReportedBeforeAnyCall() throws {
        let negative = ProviderFixture.block(for: moto, ["max_retries": .number(-1)])
        let retries = #expect(throws: ProviderError.self) { try ProviderFixture.provider().configured(with: negative) }
        #expect(retries?.summary == "Invalid max_retries")

        let unknown = ProviderFixture.block(for: moto, ["region": .unknown(.string)])
        let region = #expect(throws: ProviderError.self) { try ProviderFixture.provider().configured(with: unknown) }
        #expect(region?.summary == "The aws provider's region is not known yet")

        var endpoints = ProviderFixture.endpoints(moto.endpoint).attributes ?? [:]
        endpoints["ecs"] = .string("localhost:4566")
        let badURL = ProviderFixture.block(for: moto, ["endpoints": .object(endpoints)])
        let url = #expect(throws: ProviderError.self) { try ProviderFixture.provider().configured(with: badURL) }
        #expect(url?.detail.contains("endpoints.ecs") == true, "\(url?.detail ?? "")")
    }

    @Test func unknownTypesAreNamedInTheError() throws {
        let configured = try ProviderFixture.configured(moto)
        let error = #expect(throws: ProviderError.self) { try configured.readDataSource(type: "aws_nothing", configuration: .null) }
        #expect(error?.detail.contains("aws_caller_identity") == true)
        let resource = #expect(throws: ProviderError.self) { try configured.read(type: "aws_nothing", state: .null) }
        #expect(resource?.summary == "Unsupported resource type")
    }
}
