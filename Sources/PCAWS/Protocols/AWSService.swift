/// One AWS API as pcplan talks to it: how requests are shaped, signed and
/// addressed.
///
/// The facts come from botocore's service models (`metadata` of
/// `data/<service>/<apiVersion>/service-2.json.gz`, botocore 1.43) and are
/// written down here so the client needs nothing from Python at run time.
public struct AWSService: Sendable, Hashable, CustomStringConvertible {
    /// How operations are put on the wire.
    public enum WireProtocol: String, Sendable, Hashable {
        /// Form-encoded POST with `Action`/`Version`, XML reply in `<XResponse><XResult>`.
        case query
        /// Like `query`, but lists are `Name.1` (no `.member`) and replies use lowerCamel tags.
        case ec2
        /// JSON POST to `/` naming the operation in `X-Amz-Target`.
        case json
        /// JSON bodies on resource paths (`/2015-02-01/file-systems`).
        case restJSON = "rest-json"
        /// XML bodies (or raw object bytes) on resource paths, the bucket in
        /// the host or the path (S3).
        case restXML = "rest-xml"
    }

    /// Terraform's key for this service in the provider's `endpoints` block.
    public var endpointKey: String
    /// The service in the SigV4 credential scope (`signingName`, else `endpointPrefix`).
    public var signingName: String
    /// The first label of the service's AWS host name.
    public var endpointPrefix: String
    /// botocore's `serviceId`, the name `AWS_ENDPOINT_URL_<…>` is derived from.
    public var serviceID: String
    public var wireProtocol: WireProtocol
    public var apiVersion: String
    /// `X-Amz-Target` prefix of JSON services; empty for the others.
    public var targetPrefix: String
    /// JSON protocol version (`1.1`): the content type is `application/x-amz-json-<version>`.
    public var jsonVersion: String
    /// True for IAM: one endpoint for the whole partition, signed for its home region.
    public var isGlobal: Bool

    public init(
        endpointKey: String, signingName: String, endpointPrefix: String, serviceID: String,
        wireProtocol: WireProtocol, apiVersion: String, targetPrefix: String = "", jsonVersion: String = "",
        isGlobal: Bool = false
    ) {
        self.endpointKey = endpointKey
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix
        self.serviceID = serviceID
        self.wireProtocol = wireProtocol
        self.apiVersion = apiVersion
        self.targetPrefix = targetPrefix
        self.jsonVersion = jsonVersion
        self.isGlobal = isGlobal
    }

    /// The suffix of the service's own endpoint variable: botocore's
    /// `serviceId` upper-cased with spaces as underscores (`ELASTIC_LOAD_BALANCING`).
    public var environmentKeySuffix: String {
        String(serviceID.uppercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    /// `AWS_ENDPOINT_URL_ECS`, `AWS_ENDPOINT_URL_AUTO_SCALING`, …
    public var endpointEnvironmentVariable: String { "AWS_ENDPOINT_URL_" + environmentKeySuffix }

    /// The `Content-Type` of JSON 1.x requests.
    public var jsonContentType: String { "application/x-amz-json-" + (jsonVersion.isEmpty ? "1.1" : jsonVersion) }

    public var description: String { endpointKey }

    /// The region a request is signed for. Global services sign for their
    /// partition's home region whatever region the provider is set to.
    public func signingRegion(for region: String) -> String {
        guard isGlobal else { return region }
        switch AWSService.partition(of: region) {
        case .china: return "cn-north-1"
        case .govCloud: return "us-gov-west-1"
        case .standard: return "us-east-1"
        }
    }

    /// AWS's own endpoint for this service in `region`.
    public func defaultEndpoint(region: String) -> String {
        let partition = AWSService.partition(of: region)
        if isGlobal {
            switch partition {
            case .standard: return "https://\(endpointPrefix).amazonaws.com"
            case .govCloud: return "https://\(endpointPrefix).us-gov.amazonaws.com"
            case .china: return "https://\(endpointPrefix).\(signingRegion(for: region)).amazonaws.com.cn"
            }
        }
        let suffix = partition == .china ? "amazonaws.com.cn" : "amazonaws.com"
        return "https://\(endpointPrefix).\(region).\(suffix)"
    }

    enum Partition { case standard, china, govCloud }

    static func partition(of region: String) -> Partition {
        if region.hasPrefix("cn-") { return .china }
        if region.hasPrefix("us-gov-") { return .govCloud }
        return .standard
    }
}

// MARK: - The catalogue

extension AWSService {
    public static let ec2 = AWSService(
        endpointKey: "ec2", signingName: "ec2", endpointPrefix: "ec2", serviceID: "EC2",
        wireProtocol: .ec2, apiVersion: "2016-11-15")

    public static let autoScaling = AWSService(
        endpointKey: "autoscaling", signingName: "autoscaling", endpointPrefix: "autoscaling", serviceID: "Auto Scaling",
        wireProtocol: .query, apiVersion: "2011-01-01")

    /// Classic load balancers; ELBv2 shares the signing name but not the version.
    public static let elb = AWSService(
        endpointKey: "elb", signingName: "elasticloadbalancing", endpointPrefix: "elasticloadbalancing",
        serviceID: "Elastic Load Balancing", wireProtocol: .query, apiVersion: "2012-06-01")

    public static let iam = AWSService(
        endpointKey: "iam", signingName: "iam", endpointPrefix: "iam", serviceID: "IAM",
        wireProtocol: .query, apiVersion: "2010-05-08", isGlobal: true)

    /// Regional endpoints (`sts.<region>.amazonaws.com`), as current SDKs use by default.
    public static let sts = AWSService(
        endpointKey: "sts", signingName: "sts", endpointPrefix: "sts", serviceID: "STS",
        wireProtocol: .query, apiVersion: "2011-06-15")

    public static let ecs = AWSService(
        endpointKey: "ecs", signingName: "ecs", endpointPrefix: "ecs", serviceID: "ECS",
        wireProtocol: .json, apiVersion: "2014-11-13", targetPrefix: "AmazonEC2ContainerServiceV20141113", jsonVersion: "1.1")

    public static let ssm = AWSService(
        endpointKey: "ssm", signingName: "ssm", endpointPrefix: "ssm", serviceID: "SSM",
        wireProtocol: .json, apiVersion: "2014-11-06", targetPrefix: "AmazonSSM", jsonVersion: "1.1")

    public static let secretsManager = AWSService(
        endpointKey: "secretsmanager", signingName: "secretsmanager", endpointPrefix: "secretsmanager",
        serviceID: "Secrets Manager", wireProtocol: .json, apiVersion: "2017-10-17", targetPrefix: "secretsmanager",
        jsonVersion: "1.1")

    public static let efs = AWSService(
        endpointKey: "efs", signingName: "elasticfilesystem", endpointPrefix: "elasticfilesystem", serviceID: "EFS",
        wireProtocol: .restJSON, apiVersion: "2015-02-01")

    /// Locks of the S3 state backend (one item per lock).
    public static let dynamoDB = AWSService(
        endpointKey: "dynamodb", signingName: "dynamodb", endpointPrefix: "dynamodb", serviceID: "DynamoDB",
        wireProtocol: .json, apiVersion: "2012-08-10", targetPrefix: "DynamoDB_20120810", jsonVersion: "1.0")

    /// Objects of the S3 state backend. Not in `all`: that list is the
    /// provider's `endpoints` block, and the provider manages no S3 resources.
    public static let s3 = AWSService(
        endpointKey: "s3", signingName: "s3", endpointPrefix: "s3", serviceID: "S3",
        wireProtocol: .restXML, apiVersion: "2006-03-01")

    /// Every service pcplan speaks to, in the order the docs list them.
    public static let all: [AWSService] = [.ec2, .autoScaling, .elb, .iam, .sts, .ecs, .ssm, .secretsManager, .efs]

    /// The service with this Terraform `endpoints` key.
    public static func named(endpointKey key: String) -> AWSService? {
        all.first { $0.endpointKey == key }
    }
}
