import PCDiagnostics
import PCLSyntax
import PCLang

/// Reads a directory of `.pcl` files into a `Module`, and the modules it
/// calls, reporting every problem with where it is.
public struct ConfigLoader {
    /// Nesting of `module` calls beyond this is surely a loop of sources.
    public static let maximumModuleDepth = 32

    /// Relative paths are read from here; diagnostics still show them as
    /// written.
    public let workingDirectory: String

    public init(workingDirectory: String = ".") {
        self.workingDirectory = workingDirectory
    }

    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || workingDirectory == "." { return path }
        return ConfigurationFiles.join(workingDirectory, path)
    }

    /// Loads the root module in `directory` and, recursively, every local
    /// module it calls.
    public func load(directory: String) -> (module: Module, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let module = loadModule(directory: directory, path: [], chain: [normalized(directory)], diagnostics: &diagnostics)
        return (module, diagnostics)
    }

    /// Loads configuration from in-memory files (for tests and `console`).
    public func load(files: [SourceFile], directory: String) -> (module: Module, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let parsed = files.map { Parser.parse($0) }
        for file in parsed { diagnostics += file.diagnostics }
        var module = Module(directory: directory, resolvedDirectory: resolve(directory), path: [], files: parsed)
        var decoder = DeclarationDecoder()
        for file in parsed { decoder.decode(file, into: &module) }
        diagnostics += decoder.diagnostics
        for name in module.moduleCalls.keys.sorted() {
            let call = module.moduleCalls[name]!
            let childDirectory = ConfigurationFiles.join(directory, call.source)
            module.children[name] = loadModule(directory: childDirectory, path: [name], chain: [normalized(directory)], diagnostics: &diagnostics)
        }
        return (module, diagnostics)
    }

    private func loadModule(directory: String, path: [String], chain: [String], diagnostics: inout [Diagnostic]) -> Module {
        let (found, problems) = ConfigurationFiles.collect(
            displayPath: directory, path: resolve(directory), recursive: false, include: ConfigurationFiles.isConfiguration)
        diagnostics += problems
        var files: [SyntaxFile] = []
        for entry in found {
            switch FileSystem.readFile(at: entry.path) {
            case .success(let bytes):
                let syntax = Parser.parse(SourceFile(path: entry.displayPath, bytes: bytes))
                diagnostics += syntax.diagnostics
                files.append(syntax)
            case .failure(let failure):
                diagnostics.append(failure.diagnostic(displayPath: entry.displayPath))
            }
        }
        var module = Module(directory: directory, resolvedDirectory: resolve(directory), path: path, files: files)
        var decoder = DeclarationDecoder()
        for file in files { decoder.decode(file, into: &module) }
        diagnostics += decoder.diagnostics
        if files.isEmpty && problems.isEmpty && path.isEmpty {
            diagnostics.append(Diagnostic(
                .warning, code: .noConfigurationFiles,
                detail: "The directory \"\(directory)\" contains no .pcl files, so there is nothing to plan. Run the command in the directory that holds your configuration, or use -chdir=DIR."))
        }
        for name in module.moduleCalls.keys.sorted() {
            let call = module.moduleCalls[name]!
            guard let childDirectory = localSource(call, in: directory, diagnostics: &diagnostics) else { continue }
            let key = normalized(childDirectory)
            if chain.contains(key) || path.count >= ConfigLoader.maximumModuleDepth {
                diagnostics.append(Diagnostic(
                    code: .invalidModuleSource,
                    summary: "Module calls itself",
                    detail: "Module \"\(name)\" loads \"\(call.source)\", which is already being loaded by a module that calls this one, so loading would never end. Point source at a different directory.",
                    file: call.file, subject: call.sourceRange))
                continue
            }
            switch FileSystem.kind(at: resolve(childDirectory)) {
            case .directory:
                let child = loadModule(
                    directory: childDirectory, path: path + [name], chain: chain + [key], diagnostics: &diagnostics)
                checkInputs(of: call, against: child, diagnostics: &diagnostics)
                module.children[name] = child
            default:
                diagnostics.append(Diagnostic(
                    code: .invalidModuleSource,
                    summary: "Module directory not found",
                    detail: "Module \"\(name)\" has source \"\(call.source)\", but there is no directory at \"\(childDirectory)\". Check the path; it is relative to the directory of the calling module.",
                    file: call.file, subject: call.sourceRange))
            }
        }
        return module
    }

    /// Every argument of a module call must be one of the module's input
    /// variables.
    private func checkInputs(of call: ModuleCall, against child: Module, diagnostics: inout [Diagnostic]) {
        for input in call.inputs.values.sorted(by: { $0.nameRange.start < $1.nameRange.start }) where child.variables[input.name] == nil {
            let suggestion = Suggestion.closest(to: input.name, among: child.variables.keys).map { " Did you mean \"\($0)\"?" } ?? ""
            diagnostics.append(Diagnostic(
                code: .unsupportedArgument,
                detail: "The module \"\(call.name)\" (\(call.source)) has no input variable named \"\(input.name)\".\(suggestion) Declare it in the module with a variable block, or remove the argument.",
                file: call.file, subject: input.nameRange))
        }
    }

    /// The directory of a local module source (`./x` or `../x`); anything
    /// else is reported, since pcplan does not download modules.
    private func localSource(_ call: ModuleCall, in directory: String, diagnostics: inout [Diagnostic]) -> String? {
        let source = call.source
        guard source.hasPrefix("./") || source.hasPrefix("../") else {
            diagnostics.append(Diagnostic(
                code: .invalidModuleSource,
                detail: "The source \"\(source)\" is not a local path. pcplan loads modules from directories only: write the path starting with ./ or ../, relative to this module's directory.",
                file: call.file, subject: call.sourceRange))
            return nil
        }
        return ConfigurationFiles.join(directory, source)
    }

    /// A path with `.` steps removed and `..` applied, to detect loops.
    func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
