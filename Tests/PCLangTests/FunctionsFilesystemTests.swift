import Foundation
import Testing
@testable import PCLang

// Expected results and messages were taken from Terraform 1.11.4's
// `terraform console`, run in a directory holding the same files as
// `makeTree()` builds. Terraform shows paths relative to the module
// directory where pcplan resolves them against an absolute one, so
// messages that name a resolved path use the temporary directory here.

private func str(_ text: String) -> Value { .string(text) }

private func call(_ name: String, _ arguments: [Value], context: FunctionContext) throws(FunctionError) -> Value {
    let library = FunctionLibrary.standard
    return try library.call(library.function(named: name)!, arguments: arguments, context: context)
}

private func set(_ names: [String]) -> Value { .set(names.map(str), element: .string) }

/// The fixture: a few files, a hidden directory, odd names and symbolic
/// links (one to a file, one to a directory).
private func makeTree() throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory()
    try directory.write("fs/hello.txt", "hello\n")
    try directory.write("fs/sub/one.txt", "x")
    try directory.write("fs/sub/two.md", "y")
    try directory.write("fs/sub/deep/three.txt", "z")
    try directory.write("fs/.hidden/h.txt", "h")
    try directory.write("fs/.dot.txt", "d")
    try directory.write("fs/bin.dat", [0xFF, 0xFE])
    try directory.write("fs/a,b/c.txt", "c")
    try directory.write("fs/t.tpl", "Hello ${name}!")
    try directory.write("fs/[x].txt", "[x]")
    try FileManager.default.createSymbolicLink(atPath: directory.path + "/fs/link.txt", withDestinationPath: "hello.txt")
    try FileManager.default.createSymbolicLink(atPath: directory.path + "/fs/linkdir", withDestinationPath: "sub")
    return directory
}

private let notFoundAdvice = "this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource"

private let globs: [(pattern: String, expected: [String])] = [
    ("*", [".dot.txt", "[x].txt", "bin.dat", "hello.txt", "link.txt", "t.tpl"]),
    ("**", [".dot.txt", ".hidden/h.txt", "[x].txt", "a,b/c.txt", "bin.dat", "hello.txt", "link.txt",
            "linkdir/deep/three.txt", "linkdir/one.txt", "linkdir/two.md", "sub/deep/three.txt", "sub/one.txt",
            "sub/two.md", "t.tpl"]),
    ("**/*.txt", [".dot.txt", ".hidden/h.txt", "[x].txt", "a,b/c.txt", "hello.txt", "link.txt",
                  "linkdir/deep/three.txt", "linkdir/one.txt", "sub/deep/three.txt", "sub/one.txt"]),
    ("*/*.txt", [".hidden/h.txt", "a,b/c.txt", "linkdir/one.txt", "sub/one.txt"]),
    ("sub/**", ["sub/deep/three.txt", "sub/one.txt", "sub/two.md"]),
    ("sub/*.{txt,md}", ["sub/one.txt", "sub/two.md"]),
    ("sub/t?o.md", ["sub/two.md"]),
    ("sub/[a-o]*", ["sub/one.txt"]),
    ("sub/[!o]*", ["sub/one.txt"]),
    ("sub/[^o]*", ["sub/two.md"]),
    ("[[]x].txt", ["[x].txt"]),
    ("\\[x].txt", ["[x].txt"]),
    ("*.txt", [".dot.txt", "[x].txt", "hello.txt", "link.txt"]),
    (".*", [".dot.txt"]),
    ("nothing*", []),
    ("a,b/*", ["a,b/c.txt"]),
    ("{a,b}/*", []),
    ("linkdir/*", ["linkdir/one.txt", "linkdir/two.md"]),
    ("sub/../*.txt", [".dot.txt", "[x].txt", "hello.txt", "link.txt"]),
    ("/etc/hostname", []),
    ("**/", [".dot.txt", ".hidden/h.txt", "[x].txt", "a,b/c.txt", "bin.dat", "hello.txt", "link.txt",
             "linkdir/deep/three.txt", "linkdir/one.txt", "linkdir/two.md", "sub/deep/three.txt", "sub/one.txt",
             "sub/two.md", "t.tpl"]),
    ("sub/**/*.txt", ["sub/deep/three.txt", "sub/one.txt"]),
    ("**/three.txt", ["linkdir/deep/three.txt", "sub/deep/three.txt"]),
    ("sub/deep/**/three.txt", ["sub/deep/three.txt"]),
    ("", []),
    ("hello.txt", ["hello.txt"]),
    ("sub", []),
]

@Suite("Filesystem functions")
struct FunctionsFilesystemTests {
    @Test func pathManipulation() throws {
        let context = FunctionContext(baseDirectory: "/unused")
        let cases: [(String, String, String)] = [
            ("basename", "foo/bar/baz.txt", "baz.txt"), ("basename", "foo/bar/", "bar"), ("basename", "/", "/"),
            ("basename", "", "."), ("basename", "///", "/"), ("basename", "foo", "foo"),
            ("dirname", "foo/bar/baz.txt", "foo/bar"), ("dirname", "foo/bar/", "foo/bar"), ("dirname", "/", "/"),
            ("dirname", "", "."), ("dirname", "foo", "."), ("dirname", "/foo", "/"), ("dirname", "a//b/../c/d", "a/c"),
            ("dirname", "./a", "."), ("dirname", "../../x", "../.."), ("dirname", "/../x", "/"),
            ("abspath", "/a/./b/", "/a/b"), ("abspath", "//a", "/a"), ("abspath", "/a/../../b", "/b"),
            ("pathexpand", "a/~", "a/~"), ("pathexpand", "", ""), ("pathexpand", "/x/y", "/x/y"),
        ]
        for (function, argument, expected) in cases {
            #expect(try call(function, [str(argument)], context: context) == str(expected), "\(function)(\(argument.debugDescription))")
        }
        let workingDirectory = FileManager.default.currentDirectoryPath
        #expect(try call("abspath", [str("a/../b")], context: context) == str(workingDirectory + "/b"))
        #expect(try call("abspath", [str("")], context: context) == str(workingDirectory))
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/"
        #expect(try call("pathexpand", [str("~/x")], context: context) == str(home == "/" ? "/x" : home + "/x"))
        #expect(try call("pathexpand", [str("~")], context: context) == str(home))
        #expect(throws: FunctionError(argument: 0, "Invalid value for \"path\" parameter: cannot expand user-specific home dir.")) {
            try call("pathexpand", [str("~x/y")], context: context)
        }
        #expect(try call("basename", [str("a/b").marked()], context: context) == str("b").marked())
    }

    @Test func cleaningAndRelativePaths() {
        let cleaned: [(String, String)] = [
            ("", "."), ("a/b/../..", "."), ("a/b/../../..", ".."), ("/../..", "/"), ("a//b/./c/", "a/b/c"),
            ("../a/../..", "../.."), ("./", "."), ("/a/b/..", "/a"),
        ]
        for (path, expected) in cleaned {
            #expect(FilePaths.clean(path) == expected, "clean(\(path.debugDescription))")
        }
        #expect(FilePaths.relative("/a/b/c", to: "/a") == "b/c")
        #expect(FilePaths.relative("/a", to: "/a/b/c") == "../..")
        #expect(FilePaths.relative("/x/y", to: "/a/b") == "../../x/y")
        #expect(FilePaths.relative("a/b", to: ".") == "a/b")
        #expect(FilePaths.relative("/a", to: "b") == nil)
    }

    @Test func readingFiles() throws {
        let tree = try makeTree()
        let context = FunctionContext(baseDirectory: tree.path)
        #expect(try call("file", [str("fs/hello.txt")], context: context) == str("hello\n"))
        #expect(try call("file", [str("fs/link.txt")], context: context) == str("hello\n"))
        #expect(try call("file", [str(tree.path + "/fs/sub/one.txt")], context: context) == str("x"))
        #expect(try call("filebase64", [str("fs/bin.dat")], context: context) == str("//4="))
        #expect(try call("filebase64", [str("fs/hello.txt")], context: context) == str("aGVsbG8K"))
        #expect(try call("file", [str("fs/hello.txt").marked()], context: context) == str("hello\n").marked())
        #expect(try call("file", [.unknown(.string)], context: context) == .unknown(.string))
        #expect(try call("file", [Value.unknown(.string).marked()], context: context) == Value.unknown(.string).marked())

        let failures: [(String, Value, String)] = [
            ("file", str("fs/missing.txt"), "no file exists at \"fs/missing.txt\"; \(notFoundAdvice)"),
            ("file", str("./fs/../fs/missing.txt"), "no file exists at \"./fs/../fs/missing.txt\"; \(notFoundAdvice)"),
            ("file", str("/nonexistent/x"), "no file exists at \"/nonexistent/x\"; \(notFoundAdvice)"),
            ("file", str("fs/missing.txt").marked(), "no file exists at (sensitive value); \(notFoundAdvice)"),
            ("filebase64", str("fs/missing.txt"), "no file exists at \"fs/missing.txt\"; \(notFoundAdvice)"),
            ("file", str("fs/bin.dat"), "contents of \"fs/bin.dat\" are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead"),
            ("file", str("fs/sub"), "failed to read file: read \(tree.path)/fs/sub: is a directory"),
            ("file", str(""), "failed to read file: read \(tree.path): is a directory"),
            ("file", str("fs/hello.txt/x"), "open \(tree.path)/fs/hello.txt/x: not a directory"),
            ("file", str("~root/x"), "failed to expand ~: cannot expand user-specific home dir"),
        ]
        for (function, argument, message) in failures {
            #expect(throws: FunctionError(argument: 0, "Invalid value for \"path\" parameter: \(message).")) {
                try call(function, [argument], context: context)
            }
        }
    }

    @Test func fileExists() throws {
        let tree = try makeTree()
        let context = FunctionContext(baseDirectory: tree.path)
        #expect(try call("fileexists", [str("fs/hello.txt")], context: context) == .true)
        #expect(try call("fileexists", [str("fs/link.txt")], context: context) == .true)
        #expect(try call("fileexists", [str("fs/missing.txt")], context: context) == .false)
        #expect(try call("fileexists", [str("fs/hello.txt").marked()], context: context) == Value.true.marked())
        let failures: [(Value, String)] = [
            (str("fs/sub"), "\"\(tree.path)/fs/sub\" is a directory, not a file"),
            (str(""), "\"\(tree.path)\" is a directory, not a file"),
            (str("fs/sub").marked(), "(sensitive value) is a directory, not a file"),
            (str("/dev/null"), "\"/dev/null\" is a device node, not a regular file"),
            (str("~x"), "failed to expand ~: cannot expand user-specific home dir"),
        ]
        for (argument, message) in failures {
            #expect(throws: FunctionError(argument: 0, "Invalid value for \"path\" parameter: \(message).")) {
                try call("fileexists", [argument], context: context)
            }
        }
    }

    @Test func fileSets() throws {
        let tree = try makeTree()
        let context = FunctionContext(baseDirectory: tree.path)
        for (pattern, expected) in globs {
            #expect(try call("fileset", [str("fs"), str(pattern)], context: context) == set(expected), "fileset(\"fs\", \(pattern.debugDescription))")
        }
        #expect(try call("fileset", [str("fs/"), str("sub/*.md")], context: context) == set(["sub/two.md"]))
        #expect(try call("fileset", [str("."), str("fs/*.txt")], context: context)
                == set(["fs/.dot.txt", "fs/[x].txt", "fs/hello.txt", "fs/link.txt"]))
        #expect(try call("fileset", [str(tree.path + "/fs/sub"), str("*")], context: context) == set(["one.txt", "two.md"]))
        #expect(try call("fileset", [str("nonexistent"), str("*")], context: context) == set([]))
        #expect(try call("fileset", [str("fs").marked(), str("sub/*.md")], context: context) == set(["sub/two.md"]).marked())
        #expect(try call("fileset", [str("fs"), .unknown(.string)], context: context) == .unknown(.set(.string)))
        for pattern in ["[", "{a,b", "hello[", "sub/[-a]*"] {
            #expect(throws: FunctionError(argument: 1, "Invalid value for \"pattern\" parameter: failed to glob pattern \"\(tree.path)/fs/\(pattern)\": syntax error in pattern.")) {
                try call("fileset", [str("fs"), str(pattern)], context: context)
            }
        }
        #expect(throws: FunctionError(argument: 1, "Invalid value for \"pattern\" parameter: failed to glob pattern (sensitive value): syntax error in pattern.")) {
            try call("fileset", [str("fs"), str("[").marked()], context: context)
        }
    }

    @Test func danglingLinksThatMatchAreErrors() throws {
        let directory = try TemporaryDirectory()
        try directory.write("fs2/a.txt", "a")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/fs2/dangling", withDestinationPath: "nowhere")
        let context = FunctionContext(baseDirectory: directory.path)
        #expect(try call("fileset", [str("fs2"), str("*.txt")], context: context) == set(["a.txt"]))
        let link = directory.path + "/fs2/dangling"
        #expect(throws: FunctionError(argument: 0, "Invalid value for \"path\" parameter: failed to stat \"\(link)\": stat \(link): no such file or directory.")) {
            try call("fileset", [str("fs2"), str("*")], context: context)
        }
    }

    /// Terraform follows a link back up the tree until it crashes; pcplan
    /// stops where the loop closes.
    @Test func symbolicLinkLoopsEnd() throws {
        let directory = try TemporaryDirectory()
        try directory.write("top/a.txt", "a")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/top/again", withDestinationPath: ".")
        let context = FunctionContext(baseDirectory: directory.path)
        #expect(try call("fileset", [str("top"), str("**/*.txt")], context: context) == set(["a.txt"]))
    }

    /// Go's matcher backtracks exponentially on patterns like this one;
    /// pcplan answers at once.
    @Test func manyStarsMatchQuickly() throws {
        let name = String(repeating: "a", count: 200)
        let pattern = String(repeating: "*a", count: 14) + "*b"
        #expect(try FileGlob.matches(Array(pattern.unicodeScalars)[...], Array(name.unicodeScalars)[...]) == false)
        #expect(try FileGlob.matches(Array((pattern.dropLast() + "a").unicodeScalars)[...], Array(name.unicodeScalars)[...]))
    }

    @Test func templateFiles() throws {
        let tree = try makeTree()
        // A stand-in for the evaluator: replaces each "${name}" with the
        // variable's string value, and records the template's name.
        let context = FunctionContext(baseDirectory: tree.path) { template, variables, name throws(FunctionError) in
            var text = template
            for (key, value) in variables {
                text = text.replacingOccurrences(of: "${\(key)}", with: value.stringValue ?? "?")
            }
            guard !text.contains("${") else { throw FunctionError("vars map does not contain a key referenced in \(name).") }
            return .string(text)
        }
        let variables = Value.object(["name": str("World")])
        #expect(try call("templatefile", [str("fs/t.tpl"), variables], context: context) == str("Hello World!"))
        #expect(try call("templatefile", [str("fs/t.tpl"), .map(["name": str("map")], element: .string)], context: context) == str("Hello map!"))
        #expect(try call("templatefile", [str("fs/t.tpl"), .object(["name": str("secret").marked()])], context: context) == str("Hello secret!").marked())
        #expect(try call("templatefile", [str("fs/t.tpl").marked(), variables], context: context) == str("Hello World!").marked())
        #expect(try call("templatefile", [str("fs/t.tpl"), .unknown], context: context) == .unknown(.dynamic))
        #expect(try call("templatefile", [.unknown(.string), variables], context: context) == .unknown(.dynamic))
        #expect(throws: FunctionError("vars map does not contain a key referenced in fs/t.tpl.")) {
            try call("templatefile", [str("fs/t.tpl"), .emptyObject], context: context)
        }
        #expect(throws: FunctionError(argument: 0, "Invalid value for \"path\" parameter: no file exists at \"fs/missing.tpl\"; \(notFoundAdvice).")) {
            try call("templatefile", [str("fs/missing.tpl"), variables], context: context)
        }
        #expect(throws: FunctionError(argument: 1, "Invalid value for \"vars\" parameter: invalid vars value: must be a map.")) {
            try call("templatefile", [str("fs/t.tpl"), str("x")], context: context)
        }
        #expect(throws: FunctionError(argument: 1, "Invalid value for \"vars\" parameter: invalid template variable name \"a b\": must start with a letter, followed by zero or more letters, digits, and underscores.")) {
            try call("templatefile", [str("fs/t.tpl"), .object(["a b": .number(1)])], context: context)
        }
        #expect(throws: FunctionError(argument: 1, "Invalid value for \"vars\" parameter: argument must not be null.")) {
            try call("templatefile", [str("fs/t.tpl"), .null], context: context)
        }
    }
}
