extension FunctionLibrary {
    /// Filesystem functions: path manipulation, and reading files that are
    /// part of the configuration (relative paths start at the module's
    /// directory).
    static var filesystemFunctions: [Function] {
        [
            Function(
                name: "abspath", parameters: [FunctionParameter("path", .string)], returnType: .string,
                summary: "Converts a filesystem path to an absolute path, against the current working directory."
            ) { arguments, _ in
                .string(FilePaths.absolute(arguments[0].stringValue!))
            },
            Function(
                name: "basename", parameters: [FunctionParameter("path", .string)], returnType: .string,
                summary: "Removes all except the last portion from a filesystem path."
            ) { arguments, _ in
                .string(FilePaths.base(arguments[0].stringValue!))
            },
            Function(
                name: "dirname", parameters: [FunctionParameter("path", .string)], returnType: .string,
                summary: "Removes the last portion from a filesystem path."
            ) { arguments, _ in
                .string(FilePaths.directory(arguments[0].stringValue!))
            },
            Function(
                name: "pathexpand", parameters: [FunctionParameter("path", .string)], returnType: .string,
                summary: "Replaces a leading ~ in a filesystem path with the current user's home directory."
            ) { arguments, _ throws(FunctionError) in
                do {
                    return .string(try FilePaths.expandingHome(arguments[0].stringValue!))
                } catch {
                    throw FileArgument.invalid("cannot expand user-specific home dir")
                }
            },
            Function(
                name: "file", parameters: [FileArgument.parameter], returnType: .string, handlesMarks: true,
                summary: "Reads the contents of a file as a string; the file must be valid UTF-8."
            ) { arguments, context throws(FunctionError) in
                try FileArgument.withPath(arguments[0], returning: .string) { file throws(FunctionError) in
                    .string(try file.text(context))
                }
            },
            Function(
                name: "filebase64", parameters: [FileArgument.parameter], returnType: .string, handlesMarks: true,
                summary: "Reads the contents of a file and returns them base64-encoded."
            ) { arguments, context throws(FunctionError) in
                try FileArgument.withPath(arguments[0], returning: .string) { file throws(FunctionError) in
                    .string(Digest.base64(try file.bytes(context)))
                }
            },
            Function(
                name: "fileexists", parameters: [FileArgument.parameter], returnType: .bool, handlesMarks: true,
                summary: "Determines whether a file exists at a given path."
            ) { arguments, context throws(FunctionError) in
                try FileArgument.withPath(arguments[0], returning: .bool) { file throws(FunctionError) in
                    .bool(try file.exists(context))
                }
            },
            Function(
                name: "fileset",
                parameters: [
                    FunctionParameter("path", .string, allowsUnknown: true),
                    FunctionParameter("pattern", .string, allowsUnknown: true),
                ],
                returnType: .set(.string), handlesMarks: true,
                summary: "Enumerates the files under a directory that match a glob pattern."
            ) { arguments, context throws(FunctionError) in
                try fileSet(arguments, context)
            },
            Function(
                name: "templatefile",
                parameters: [
                    FileArgument.parameter,
                    FunctionParameter("vars", .dynamic, allowsUnknown: true),
                ],
                returnType: .dynamic, handlesMarks: true,
                summary: "Renders a template file with the given variables."
            ) { arguments, context throws(FunctionError) in
                try templateFile(arguments, context)
            },
        ]
    }

    private static func fileSet(_ arguments: [Value], _ context: FunctionContext) throws(FunctionError) -> Value {
        let (pathValue, pathSensitive) = arguments[0].unmarkedDeepCollapsing()
        let (patternValue, patternSensitive) = arguments[1].unmarkedDeepCollapsing()
        let sensitive = pathSensitive || patternSensitive
        guard let path = pathValue.stringValue, let pattern = patternValue.stringValue else {
            return Value.unknown(.set(.string)).marked(sensitive: sensitive)
        }
        func shown(_ text: String) -> String { sensitive ? "(sensitive value)" : text.goQuoted }
        let base = FilePaths.isAbsolute(path) ? path : FilePaths.join(context.baseDirectory, path)
        let full = FilePaths.join(base, pattern)
        let matches: [String]
        do {
            matches = try FileGlob.glob(full)
        } catch {
            throw FunctionError(argument: 1, "Invalid value for \"pattern\" parameter: failed to glob pattern \(shown(full)): syntax error in pattern.")
        }
        var names: [Value] = []
        for match in matches {
            guard let kind = FileAccess.kind(of: match) else {
                throw FunctionError(argument: 0, "Invalid value for \"path\" parameter: failed to stat \(shown(match)): stat \(sensitive ? "(sensitive value)" : match): no such file or directory.")
            }
            guard kind == .regular else { continue }
            guard let relative = FilePaths.relative(match, to: base) else {
                throw FunctionError(argument: 0, "Invalid value for \"path\" parameter: failed to trim path of match \(shown(match)).")
            }
            names.append(.string(relative))
        }
        return Value.set(names, element: .string).marked(sensitive: sensitive)
    }

    private static func templateFile(_ arguments: [Value], _ context: FunctionContext) throws(FunctionError) -> Value {
        let (variables, variablesSensitive) = arguments[1].unmarkedDeepCollapsing()
        return try FileArgument.withPath(arguments[0], returning: .dynamic) { file throws(FunctionError) in
            guard variables.isKnown else { return .unknown(.dynamic) }
            let text = try file.text(context)
            guard let names = variables.attributes else {
                throw FunctionError(argument: 1, "Invalid value for \"vars\" parameter: invalid vars value: must be a map.")
            }
            for name in Value.sortedKeys(names) where !name.isIdentifier {
                throw FunctionError(argument: 1, "Invalid value for \"vars\" parameter: invalid template variable name \(name.goQuoted): must start with a letter, followed by zero or more letters, digits, and underscores.")
            }
            return try context.renderTemplate(text, names, file.path)
        }.marked(sensitive: variablesSensitive)
    }
}
