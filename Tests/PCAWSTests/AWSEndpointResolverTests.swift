import PCAWS
import Testing

@Suite struct AWSEndpointResolverTests {
    static let motoURL = "http://127.0.0.1:5000"

    @Test func precedence() throws {
        let everything = [
            "AWS_ENDPOINT_URL_ECS": "http://127.0.0.1:2222/",
            "AWS_ENDPOINT_URL": "http://127.0.0.1:3333",
        ]
        let fromProvider = try AWSEndpointResolver.resolve(
            .ecs, region: "eu-west-1", overrides: ["ecs": "http://127.0.0.1:1111/"], environment: everything)
        #expect(fromProvider == AWSEndpoint(
            url: "http://127.0.0.1:1111", source: "the provider's endpoints block (ecs)", signingRegion: "eu-west-1"))

        let fromServiceVariable = try AWSEndpointResolver.resolve(
            .ecs, region: "eu-west-1", overrides: ["ssm": "http://x:1"], environment: everything)
        #expect(fromServiceVariable.url == "http://127.0.0.1:2222")
        #expect(fromServiceVariable.source == "AWS_ENDPOINT_URL_ECS")

        let fromGlobalVariable = try AWSEndpointResolver.resolve(
            .ssm, region: "eu-west-1", overrides: [:], environment: everything)
        #expect(fromGlobalVariable.url == "http://127.0.0.1:3333")
        #expect(fromGlobalVariable.source == "AWS_ENDPOINT_URL")

        let fromAWS = try AWSEndpointResolver.resolve(.ssm, region: "eu-west-1", overrides: [:], environment: [:])
        #expect(fromAWS == AWSEndpoint(
            url: "https://ssm.eu-west-1.amazonaws.com", source: "AWS's endpoint for eu-west-1", signingRegion: "eu-west-1"))
    }

    @Test(arguments: [
        (AWSService.ec2, "AWS_ENDPOINT_URL_EC2"),
        (AWSService.autoScaling, "AWS_ENDPOINT_URL_AUTO_SCALING"),
        (AWSService.elb, "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING"),
        (AWSService.iam, "AWS_ENDPOINT_URL_IAM"),
        (AWSService.sts, "AWS_ENDPOINT_URL_STS"),
        (AWSService.ecs, "AWS_ENDPOINT_URL_ECS"),
        (AWSService.ssm, "AWS_ENDPOINT_URL_SSM"),
        (AWSService.secretsManager, "AWS_ENDPOINT_URL_SECRETS_MANAGER"),
        (AWSService.efs, "AWS_ENDPOINT_URL_EFS"),
    ])
    func serviceVariables(service: AWSService, variable: String) throws {
        #expect(service.endpointEnvironmentVariable == variable)
        let endpoint = try AWSEndpointResolver.resolve(
            service, region: "us-west-2", overrides: [:],
            environment: [variable: Self.motoURL, "AWS_ENDPOINT_URL": "http://other:1"])
        #expect(endpoint.url == Self.motoURL)
        #expect(endpoint.source == variable)
    }

    @Test(arguments: [
        (AWSService.ec2, "us-east-1", "https://ec2.us-east-1.amazonaws.com", "us-east-1"),
        (AWSService.autoScaling, "eu-central-1", "https://autoscaling.eu-central-1.amazonaws.com", "eu-central-1"),
        (AWSService.elb, "eu-west-1", "https://elasticloadbalancing.eu-west-1.amazonaws.com", "eu-west-1"),
        (AWSService.iam, "eu-west-1", "https://iam.amazonaws.com", "us-east-1"),
        (AWSService.iam, "us-gov-west-1", "https://iam.us-gov.amazonaws.com", "us-gov-west-1"),
        (AWSService.iam, "cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        (AWSService.sts, "ap-southeast-2", "https://sts.ap-southeast-2.amazonaws.com", "ap-southeast-2"),
        (AWSService.ecs, "cn-north-1", "https://ecs.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        (AWSService.secretsManager, "us-east-2", "https://secretsmanager.us-east-2.amazonaws.com", "us-east-2"),
        (AWSService.efs, "us-east-1", "https://elasticfilesystem.us-east-1.amazonaws.com", "us-east-1"),
    ])
    func awsEndpoints(service: AWSService, region: String, url: String, signingRegion: String) throws {
        let endpoint = try AWSEndpointResolver.resolve(service, region: region, overrides: [:], environment: [:])
        #expect(endpoint.url == url)
        #expect(endpoint.signingRegion == signingRegion)
    }

    @Test func iamSignsForUsEast1EvenAgainstALocalEndpoint() throws {
        let endpoint = try AWSEndpointResolver.resolve(
            .iam, region: "eu-west-1", overrides: [:], environment: ["AWS_ENDPOINT_URL": Self.motoURL])
        #expect(endpoint.signingRegion == "us-east-1")
        #expect(endpoint.url == Self.motoURL)
    }

    @Test func ignoreConfiguredEndpointURLs() throws {
        let environment = ["AWS_ENDPOINT_URL": Self.motoURL, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]
        let endpoint = try AWSEndpointResolver.resolve(.sts, region: "us-east-1", overrides: [:], environment: environment)
        #expect(endpoint.url == "https://sts.us-east-1.amazonaws.com")
        let provider = try AWSEndpointResolver.resolve(
            .sts, region: "us-east-1", overrides: ["sts": Self.motoURL], environment: environment)
        #expect(provider.url == Self.motoURL)
    }

    @Test func emptyValuesAreUnset() throws {
        let endpoint = try AWSEndpointResolver.resolve(
            .ecs, region: "us-east-1", overrides: ["ecs": ""], environment: ["AWS_ENDPOINT_URL_ECS": " ", "AWS_ENDPOINT_URL": Self.motoURL + "\n"])
        #expect(endpoint.source == "AWS_ENDPOINT_URL")
        #expect(endpoint.url == Self.motoURL)
    }

    @Test(arguments: [
        ("http://localhost:4566", "http://localhost:4566"),
        ("HTTPS://example.com/", "HTTPS://example.com"),
        ("http://[::1]:5000", "http://[::1]:5000"),
        ("http://127.0.0.1:5000/prefix//", "http://127.0.0.1:5000/prefix"),
    ])
    func acceptedURLs(raw: String, url: String) throws {
        let endpoint = try AWSEndpointResolver.resolve(.ecs, region: "us-east-1", overrides: [:], environment: ["AWS_ENDPOINT_URL": raw])
        #expect(endpoint.url == url)
    }

    @Test(arguments: [
        ("127.0.0.1:5000", "does not start with http:// or https://"),
        ("ftp://host", "does not start with http:// or https://"),
        ("http://", "has no host name"),
        ("http://:80", "has no host name"),
        ("http://host:99999", "has an invalid port"),
        ("http://host:port", "has an invalid port"),
        ("http://host/a b", "contains spaces, a query or a fragment"),
        ("http://host/?x=1", "contains spaces, a query or a fragment"),
        ("http://[::1", "has an unclosed IPv6 address"),
    ])
    func rejectedURLs(raw: String, why: String) {
        #expect {
            _ = try AWSEndpointResolver.resolve(.ecs, region: "us-east-1", overrides: [:], environment: ["AWS_ENDPOINT_URL_ECS": raw])
        } throws: { error in
            guard let error = error as? AWSError else { return false }
            return error.code == "InvalidEndpoint" && error.message.contains(why)
                && error.message.contains("from AWS_ENDPOINT_URL_ECS") && error.message.contains("\"\(raw)\"")
        }
    }
}
