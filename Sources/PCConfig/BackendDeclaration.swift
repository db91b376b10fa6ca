import PCDiagnostics
import PCLSyntax

/// `pcplan { backend "TYPE" { … } }` (or `terraform { … }`): where the
/// root module's state lives. The settings are literal values, as in
/// Terraform: a backend is chosen before anything can be evaluated.
public struct BackendDeclaration: Sendable {
    /// `local`, `s3`, …
    public var type: String
    /// The settings by name, each a literal (string, number, bool, or a
    /// list or object of them).
    public var settings: [String: SyntaxAttribute]
    public var file: SourceFile
    public var range: SourceRange
    public var typeRange: SourceRange

    /// A string setting, when written as a literal string.
    public func string(_ name: String) -> String? {
        settings[name].flatMap { DeclarationDecoder.literalString($0.value) }
    }

    /// Where the block is, as `main.pcl:3`, for messages.
    public var location: String {
        "\(file.path):\(file.position(at: range.start).line)"
    }
}

extension DeclarationDecoder {
    mutating func backend(_ block: SyntaxBlock, file: SourceFile, into module: inout Module) {
        guard let type = block.labels.first?.value, block.labels.count == 1 else {
            report(.missingBlockLabel, "A backend block has one label, its type: backend \"local\" { … } or backend \"s3\" { … }.", file, block.typeRange)
            return
        }
        if let existing = module.backend {
            duplicate("backend", existing.file, existing.range, file, block.typeRange)
            return
        }
        var settings: [String: SyntaxAttribute] = [:]
        for attribute in block.body.attributes {
            if !ReferenceCollector.references(in: attribute.value).isEmpty {
                report(.invalidValueForArgument,
                       "The backend setting \"\(attribute.name)\" must be a literal value: a backend is chosen before variables, locals or resources can be evaluated.",
                       file, attribute.value.range)
                continue
            }
            settings[attribute.name] = attribute
        }
        module.backend = BackendDeclaration(type: type, settings: settings, file: file, range: block.range, typeRange: block.typeRange)
    }
}

/// Finds the root module's backend block without loading the rest of the
/// configuration, so the state commands work even while a resource block
/// elsewhere has an error.
public enum BackendLocator {
    /// The backend declared by the `.pcl` files in `directory` (shown as
    /// `displayDirectory`), with diagnostics about that block only.
    public static func find(directory: String, displayDirectory: String) -> (BackendDeclaration?, [Diagnostic]) {
        let (found, _) = ConfigurationFiles.collect(
            displayPath: displayDirectory, path: directory, recursive: false, include: ConfigurationFiles.isConfiguration)
        var scratch = Module(directory: displayDirectory, path: [], files: [])
        var decoder = DeclarationDecoder()
        for entry in found {
            guard case .success(let bytes) = FileSystem.readFile(at: entry.path) else { continue }
            let syntax = Parser.parse(SourceFile(path: entry.displayPath, bytes: bytes))
            for block in syntax.body.blocks where block.type == "pcplan" || block.type == "terraform" {
                for nested in block.body.blocks where nested.type == "backend" {
                    decoder.backend(nested, file: syntax.source, into: &scratch)
                }
            }
        }
        return (scratch.backend, decoder.diagnostics)
    }
}
