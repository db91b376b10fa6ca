import PCConfig
import PCDiagnostics
import PCLSyntax
import PCPlan

/// Collects root variable values from outside the configuration, with
/// Terraform's precedence (later wins): `PCPLAN_VAR_name` environment
/// variables, then `*.auto.pclvars` files in name order, then `-var` and
/// `-var-file` in the order given on the command line.
enum VariableInputs {
    /// One `-var` or `-var-file` option, in command-line order.
    enum Option {
        case assignment(String)
        case file(String)
    }

    /// The options in command-line order, unfolding `-var-file` values that
    /// `TerraformArguments` folded into `-var`.
    static func options(variables: [String], files: [String]) -> [Option] {
        let marker = TerraformArguments.orderedValueMarker
        return variables.map { $0.hasPrefix(marker) ? .file(String($0.dropFirst(marker.count))) : .assignment($0) }
            + files.map { .file($0) }
    }

    static func collect(options: [Option], directory: String, terminal: Terminal) -> (inputs: [String: VariableInput], diagnostics: [Diagnostic]) {
        var inputs: [String: VariableInput] = [:]
        var diagnostics: [Diagnostic] = []
        for (name, value) in terminal.environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("PCPLAN_VAR_") {
            let variable = String(name.dropFirst("PCPLAN_VAR_".count))
            guard !variable.isEmpty else { continue }
            inputs[variable] = .text(value, source: "<environment variable \(name)>")
        }
        let (found, _) = ConfigurationFiles.collect(
            displayPath: directory, path: terminal.resolve(directory), recursive: false,
            include: { $0.hasSuffix(".auto.pclvars") })
        for file in found {
            readFile(displayPath: file.displayPath, path: file.path, into: &inputs, diagnostics: &diagnostics)
        }
        for option in options {
            switch option {
            case .assignment(let text):
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                    diagnostics.append(Diagnostic(
                        code: .invalidCommandLineVariable,
                        detail: "The -var option \"\(text)\" is not of the form NAME=VALUE. Write it like -var 'region=eu-west-1'."))
                    continue
                }
                let name = String(text[..<equals]).trimmingSpaces
                inputs[name] = .text(String(text[text.index(after: equals)...]), source: "<value for var.\(name)>")
            case .file(let path):
                readFile(displayPath: path, path: terminal.resolve(path), into: &inputs, diagnostics: &diagnostics)
            }
        }
        return (inputs, diagnostics)
    }

    /// A variables file: `name = value` lines in PCL syntax.
    private static func readFile(displayPath: String, path: String, into inputs: inout [String: VariableInput], diagnostics: inout [Diagnostic]) {
        switch FileSystem.readFile(at: path) {
        case .failure(let failure):
            diagnostics.append(failure.diagnostic(displayPath: displayPath))
        case .success(let bytes):
            let syntax = Parser.parse(SourceFile(path: displayPath, bytes: bytes))
            diagnostics += syntax.diagnostics
            for block in syntax.body.blocks {
                diagnostics.append(Diagnostic(
                    code: .invalidCommandLineVariable, summary: "Unexpected block in variables file",
                    detail: "A variables file holds only name = value assignments; blocks such as \"\(block.type)\" belong in .pcl files.",
                    file: syntax.source, subject: block.typeRange))
            }
            for attribute in syntax.body.attributes {
                inputs[attribute.name] = .expression(attribute.value, file: syntax.source)
            }
            ProcessLifetime.keepUntilExit(syntax)
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
