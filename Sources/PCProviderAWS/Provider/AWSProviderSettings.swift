import PCAWS
import PCLang
import PCProvider

/// The `provider "aws" { … }` block: its schema, and its decoding into
/// `AWSSettings` plus the switches that are the provider's own business.
struct AWSProviderSettings: Sendable, Equatable {
    var settings: AWSSettings
    /// `skip_credentials_validation`: no STS call at configure.
    var skipCredentialsValidation: Bool

    /// The services the `endpoints` block accepts, by Terraform's key.
    static let endpointKeys = ["autoscaling", "ec2", "ecs", "efs", "elb", "iam", "secretsmanager", "ssm", "sts"]

    static var schema: ResourceSchema {
        var endpoints: [String: AttributeSchema] = [:]
        for key in endpointKeys {
            endpoints[key] = AttributeSchema(.string, .optional, summary: "Endpoint URL for \(key) requests, e.g. http://127.0.0.1:5000.")
        }
        return ResourceSchema(
            attributes: [
                "region": AttributeSchema(.string, .optional, summary: "The region; else AWS_REGION, AWS_DEFAULT_REGION or the profile's region."),
                "access_key": AttributeSchema(.string, .optional, summary: "Access key id; else AWS_ACCESS_KEY_ID or the shared files."),
                "secret_key": AttributeSchema(.string, .optional, sensitive: true, summary: "Secret access key, paired with access_key."),
                "token": AttributeSchema(.string, .optional, sensitive: true, summary: "Session token of temporary credentials."),
                "profile": AttributeSchema(.string, .optional, summary: "Profile of the shared files; else AWS_PROFILE or default."),
                "shared_credentials_files": AttributeSchema(.list(.string), .optional, summary: "Credentials files; else AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials."),
                "shared_config_files": AttributeSchema(.list(.string), .optional, summary: "Config files; else AWS_CONFIG_FILE or ~/.aws/config."),
                "max_retries": AttributeSchema(.number, .optional, summary: "Retries after the first attempt of a call that is safe to retry (default 4)."),
                "skip_credentials_validation": AttributeSchema(.bool, .optional, summary: "Do not check the credentials with STS GetCallerIdentity when configuring."),
            ],
            blocks: [
                "endpoints": BlockSchema(.single, ResourceSchema(attributes: endpoints, summary: "Per-service endpoint URLs."), maxItems: 1),
            ],
            summary: "Amazon Web Services: credentials, region, endpoints and retries.")
    }

    /// Reads the block; null (no block at all) gives empty settings, so that
    /// everything comes from the environment and the shared files.
    static func decode(_ configuration: Value) throws(ProviderError) -> AWSProviderSettings {
        var settings = AWSSettings()
        guard !configuration.isNull else { return AWSProviderSettings(settings: settings, skipCredentialsValidation: false) }
        try requireKnown(configuration)
        settings.region = configuration.stringAttribute("region")
        settings.accessKey = configuration.stringAttribute("access_key")
        settings.secretKey = configuration.stringAttribute("secret_key")
        settings.token = configuration.stringAttribute("token")
        settings.profile = configuration.stringAttribute("profile")
        settings.sharedCredentialsFiles = configuration.stringListAttribute("shared_credentials_files") ?? []
        settings.sharedConfigFiles = configuration.stringListAttribute("shared_config_files") ?? []
        if let retries = configuration.attributeValue("max_retries") {
            guard let count = retries.numberValue?.intValue, count >= 0 else {
                throw ProviderError(
                    "Invalid max_retries", detail: "max_retries must be a whole number of 0 or more (retries after the first attempt).",
                    attribute: ValuePath([.attribute("max_retries")]))
            }
            settings.maxRetries = count
        }
        if let endpoints = configuration.singleBlock("endpoints") {
            for key in endpointKeys {
                if let url = endpoints.stringAttribute(key) { settings.endpoints[key] = url }
            }
        }
        return AWSProviderSettings(
            settings: settings, skipCredentialsValidation: configuration.boolAttribute("skip_credentials_validation") ?? false)
    }

    /// Credentials and region are needed to plan at all: an argument that
    /// depends on something not yet created cannot be waited for.
    private static func requireKnown(_ configuration: Value) throws(ProviderError) {
        for (name, value) in configuration.attributes ?? [:] where !value.isWhollyKnown {
            throw ProviderError(
                "The aws provider's \(name) is not known yet",
                detail: "The provider block's \(name) depends on a value known only after apply, but pcplan needs it to plan. "
                    + "Set it from variables or data sources, not from resources managed in the same run.",
                attribute: ValuePath([.attribute(name)]))
        }
    }
}
