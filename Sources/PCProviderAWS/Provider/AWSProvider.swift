import PCAWS
import PCHTTP
import PCLang
import PCProvider

/// The `aws` provider: AWS resources and data sources over PCAWS.
///
/// `configured(with:)` settles credentials, region and endpoints from the
/// provider block, the environment and the shared files, builds one HTTP
/// client and one AWS client for that block, and (unless
/// `skip_credentials_validation`) asks STS who the credentials belong to,
/// so that wrong or missing credentials fail before any plan is made.
public struct AWSProvider: Provider {
    public let name = "aws"
    public let source = "pcplan/aws"

    public let environment: AWSEnvironment
    let log: AWSDebugLog?
    let httpOptions: HTTPClientOptions
    /// Replaces the retry timing (the attempt budget still comes from the
    /// configuration); for tests that must not wait.
    let retryTiming: RetryPolicy?
    let resourceTypes: [String: any AWSResourceType]
    let dataSourceTypes: [String: any AWSDataSourceType]

    /// `environment` is where the credentials chain, `AWS_ENDPOINT_URL…`,
    /// proxies and `PCPLAN_LOG` are read. `log` receives redacted request
    /// and response entries, but only when that environment has
    /// `PCPLAN_LOG=debug`; the provider itself never prints.
    public init(environment: AWSEnvironment = .current, log: AWSDebugLog? = nil) {
        self.init(environment: environment, log: log, retryTiming: nil)
    }

    init(
        environment: AWSEnvironment, log: AWSDebugLog? = nil, retryTiming: RetryPolicy?,
        resources: [any AWSResourceType] = AWSTypeCatalogue.resources,
        dataSources: [any AWSDataSourceType] = AWSTypeCatalogue.dataSources
    ) {
        self.environment = environment
        self.log = log
        self.retryTiming = retryTiming
        var options = HTTPClientOptions()
        options.proxy = ProxySettings.fromEnvironment(environment.variables)
        httpOptions = options
        var resourceTable: [String: any AWSResourceType] = [:]
        for type in resources { resourceTable[type.name] = type }
        resourceTypes = resourceTable
        var dataSourceTable: [String: any AWSDataSourceType] = [:]
        for type in dataSources { dataSourceTable[type.name] = type }
        dataSourceTypes = dataSourceTable
    }

    public var resourceSchemas: [String: ResourceSchema] { resourceTypes.mapValues(\.schema) }
    public var dataSourceSchemas: [String: ResourceSchema] { dataSourceTypes.mapValues(\.schema) }
    public var configurationSchema: ResourceSchema { AWSProviderSettings.schema }

    public func configured(with configuration: Value) throws(ProviderError) -> any ConfiguredProvider {
        let decoded = try AWSProviderSettings.decode(configuration.unmarkedDeepValue)
        let resolved: ResolvedAWSConfiguration
        do {
            resolved = try AWSConfigurationResolver.resolve(decoded.settings, environment: environment)
        } catch {
            throw ProviderError(error.summary, detail: error.detail)
        }
        let api = client(for: resolved)
        if !decoded.skipCredentialsValidation {
            try AWSCredentialCheck.verify(api)
        }
        return ConfiguredAWSProvider(api: api, resourceTypes: resourceTypes, dataSourceTypes: dataSourceTypes)
    }

    /// The AWS client for a resolved configuration: the retry budget from
    /// `max_retries`, debug logging only when `PCPLAN_LOG=debug`. The S3
    /// state backend uses it too, so both talk to AWS the same way.
    public func client(for resolved: ResolvedAWSConfiguration) -> AWSClient {
        var retry = retryTiming ?? RetryPolicy()
        retry.maxAttempts = resolved.maxAttempts
        let debug = environment.value("PCPLAN_LOG")?.lowercased() == "debug"
        return AWSClient(configuration: resolved, http: HTTPClient(options: httpOptions), retry: retry, log: debug ? log : nil)
    }
}
