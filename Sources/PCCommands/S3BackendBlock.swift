import Foundation
import PCAWS
import PCConfig
import PCDiagnostics
import PCLang
import PCState
import PCStateS3

/// `backend "s3" { … }`: Terraform's settings, read into the backend's
/// settings and the AWS settings the provider uses, then checked against
/// AWS (the bucket, the lock table) before anything is planned, with each
/// problem reported at the setting it concerns.
struct S3BackendBlock {
    enum Kind { case string, bool, number, strings, endpoints }

    /// Terraform's spellings.
    static let accepted: [String: Kind] = [
        "bucket": .string, "key": .string, "region": .string, "dynamodb_table": .string, "encrypt": .bool,
        "kms_key_id": .string, "workspace_key_prefix": .string, "profile": .string, "access_key": .string,
        "secret_key": .string, "token": .string, "shared_credentials_files": .strings, "shared_config_files": .strings,
        "max_retries": .number, "use_path_style": .bool, "use_lockfile": .bool, "endpoints": .endpoints,
    ]
    /// Settings Terraform has that pcplan does not yet; refused rather than
    /// ignored, since each changes where or how the state is kept.
    static let notYet: Set<String> = ["assume_role", "role_arn", "sse_customer_key", "acl"]

    let declaration: BackendDeclaration
    var diagnostics: [Diagnostic] = []

    /// The backend, read and checked; nil with diagnostics when it cannot
    /// be used, or nil without any when `create` is false and no state has
    /// been written yet.
    static func open(
        _ declaration: BackendDeclaration, workspace: String = Workspace.defaultName, terminal: Terminal, create: Bool
    ) -> (S3StateBackend?, [Diagnostic]) {
        var block = S3BackendBlock(declaration: declaration)
        guard let (settings, aws) = block.decode(workspace: workspace) else { return (nil, block.diagnostics) }
        let provider = ProviderCatalog.aws(for: terminal)
        let resolved: ResolvedAWSConfiguration
        do {
            resolved = try AWSConfigurationResolver.resolve(aws, environment: provider.environment)
        } catch {
            return (nil, [block.problem("The s3 backend's AWS settings cannot be used: \(error.summary)\n\(error.detail)", at: nil)])
        }
        let client = provider.client(for: resolved)
        do {
            try S3Client(client, usePathStyle: settings.usePathStyle).headBucket(settings.bucket)
        } catch {
            // A bucket in another region is the region setting's problem.
            let setting = if case .wrongRegion = error { declaration.settings["region"] != nil ? "region" : "bucket" } else { "bucket" }
            return (nil, [block.problem(
                "The backend's bucket \"\(settings.bucket)\" cannot be used: \(error.description)", at: setting)])
        }
        if let table = settings.lockTable {
            do {
                _ = try DynamoDBLockTable(client: client, table: table).verifyTable()
            } catch {
                return (nil, [block.problem(
                    "The backend's lock table \"\(table)\" cannot be used: \(error.description)", at: "dynamodb_table")])
            }
        }
        do {
            let backend = try S3StateBackend(settings: settings, aws: client, pcplanVersion: VersionCommand.version)
            // Nothing written yet is no state, unless a lock is held on it
            // (force-unlock must be able to clear that).
            if !create && backend.isEmpty && (try? backend.currentLock()) == nil { return (nil, []) }
            return (backend, [])
        } catch {
            return (nil, [Diagnostic(code: .stateUnavailable, detail: "\(error)")])
        }
    }

    /// The settings, or nil after diagnostics.
    mutating func decode(workspace: String = Workspace.defaultName) -> (S3BackendSettings, AWSSettings)? {
        var values: [String: Value] = [:]
        for name in declaration.settings.keys.sorted() {
            let attribute = declaration.settings[name]!
            if Self.notYet.contains(name) {
                diagnostics.append(problem("The s3 backend setting \"\(name)\" is not supported by this version of pcplan; remove it, or keep this configuration on Terraform for now.", at: name))
                continue
            }
            guard let kind = Self.accepted[name] else {
                diagnostics.append(problem("The s3 backend has no setting \"\(name)\". It takes: \(Self.accepted.keys.sorted().joined(separator: ", ")).", at: name))
                continue
            }
            let (value, found) = Evaluator(context: FunctionContext(baseDirectory: ".")).evaluate(attribute.value, in: declaration.file, resolver: NoReferences())
            diagnostics += found
            guard !found.hasErrors, let checked = Self.check(value, kind) else {
                if !found.hasErrors { diagnostics.append(problem("The s3 backend setting \"\(name)\" must be \(Self.describe(kind)).", at: name)) }
                continue
            }
            values[name] = checked
        }
        for required in ["bucket", "key"] where values[required] == nil && declaration.settings[required] == nil {
            diagnostics.append(problem("The s3 backend needs \"\(required)\": the \(required == "bucket" ? "S3 bucket that holds the state" : "state object's key, such as \"prod/pcplan.state\"").", at: nil))
        }
        if let key = values["key"]?.stringValue, key.isEmpty || key.hasPrefix("/") || key.hasSuffix("/") {
            diagnostics.append(problem("The s3 backend's key must name an object, such as \"prod/pcplan.state\": not empty, and neither starting nor ending with \"/\".", at: "key"))
        }
        guard !diagnostics.hasErrors, let bucket = values["bucket"]?.stringValue, let key = values["key"]?.stringValue else { return nil }

        var encryption = S3Encryption.none
        if values["encrypt"]?.boolValue == true {
            encryption = values["kms_key_id"]?.stringValue.map { .kms(keyID: $0) } ?? .aes256
        }
        // Terraform's layout: the default workspace at the key, the others
        // under <workspace_key_prefix>/<workspace>/.
        let prefix = values["workspace_key_prefix"]?.stringValue ?? "env:"
        let settings = S3BackendSettings(
            bucket: bucket, key: workspace == Workspace.defaultName ? key : "\(prefix)/\(workspace)/\(key)", lockTable: values["dynamodb_table"]?.stringValue, encryption: encryption,
            usePathStyle: values["use_path_style"]?.boolValue ?? false, useLockfile: values["use_lockfile"]?.boolValue ?? false)
        var aws = AWSSettings()
        aws.region = values["region"]?.stringValue
        aws.profile = values["profile"]?.stringValue
        aws.accessKey = values["access_key"]?.stringValue
        aws.secretKey = values["secret_key"]?.stringValue
        aws.token = values["token"]?.stringValue
        aws.sharedCredentialsFiles = values["shared_credentials_files"]?.elements?.compactMap(\.stringValue) ?? []
        aws.sharedConfigFiles = values["shared_config_files"]?.elements?.compactMap(\.stringValue) ?? []
        aws.maxRetries = values["max_retries"]?.numberValue?.intValue
        for (service, url) in values["endpoints"]?.attributes ?? [:] {
            if let url = url.stringValue { aws.endpoints[service] = url }
        }
        return (settings, aws)
    }

    private static func check(_ value: Value, _ kind: Kind) -> Value? {
        let plain = value.unmarkedDeepValue
        switch kind {
        case .string: return plain.stringValue != nil ? plain : nil
        case .bool: return plain.boolValue != nil ? plain : nil
        case .number: return plain.numberValue != nil ? plain : nil
        case .strings: return plain.elements?.allSatisfy({ $0.stringValue != nil }) == true ? plain : nil
        case .endpoints:
            guard let members = plain.attributes, members.keys.allSatisfy(["s3", "dynamodb", "sts", "iam"].contains),
                  members.values.allSatisfy({ $0.stringValue != nil }) else { return nil }
            return plain
        }
    }

    private static func describe(_ kind: Kind) -> String {
        switch kind {
        case .string: "a string"
        case .bool: "true or false"
        case .number: "a number"
        case .strings: "a list of strings"
        case .endpoints: "an object of endpoint URLs by service: { s3 = \"…\", dynamodb = \"…\" }"
        }
    }

    /// A diagnostic at the setting `name`, or at the block.
    func problem(_ detail: String, at name: String?) -> Diagnostic {
        let subject = name.flatMap { declaration.settings[$0]?.range } ?? declaration.typeRange
        return Diagnostic(code: .unsupportedBackend, summary: "Invalid s3 backend", detail: detail, file: declaration.file, subject: subject)
    }
}
