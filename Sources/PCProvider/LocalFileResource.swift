import Foundation
import PCLang

/// `local_file`: a file on the machine running pcplan. Any change
/// replaces it, and a file changed or removed behind pcplan's back shows
/// as drift.
public struct LocalFileResource: ResourceType {
    public let name = "local_file"
    /// Relative file names are taken from here: the directory the command
    /// runs in (`-chdir`), not necessarily the process's.
    public let baseDirectory: String

    public init(baseDirectory: String = ".") {
        self.baseDirectory = baseDirectory
    }

    /// Where `filename` really is.
    func resolve(_ filename: String) -> String {
        if filename.hasPrefix("/") || baseDirectory == "." { return filename }
        return baseDirectory.hasSuffix("/") ? baseDirectory + filename : baseDirectory + "/" + filename
    }

    public var schema: ResourceSchema {
        ResourceSchema(attributes: [
            "id": AttributeSchema(.string, .computed, summary: "SHA-1 of the content."),
            "filename": AttributeSchema(.string, .required, forcesReplacement: true, summary: "Path of the file, relative to where pcplan runs."),
            "content": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Text to write."),
            "sensitive_content": AttributeSchema(.string, .optional, forcesReplacement: true, sensitive: true, summary: "Text to write, never shown."),
            "content_base64": AttributeSchema(.string, .optional, forcesReplacement: true, summary: "Bytes to write, base64-encoded."),
            "file_permission": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "Octal mode, default 0777."),
            "directory_permission": AttributeSchema(.string, .optionalComputed, forcesReplacement: true, summary: "Octal mode of created directories, default 0777."),
            "content_md5": AttributeSchema(.string, .computed),
            "content_sha1": AttributeSchema(.string, .computed),
            "content_sha256": AttributeSchema(.string, .computed),
            "content_base64sha256": AttributeSchema(.string, .computed),
        ], summary: "A file on the local machine.")
    }

    public func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        let given = ["content", "sensitive_content", "content_base64"].filter { !(request.configuration.attributes?[$0]?.isNull ?? true) }
        if given.count > 1 {
            throw ProviderError("Conflicting content", detail: "Only one of content, sensitive_content and content_base64 may be set; this block sets \(given.joined(separator: " and ")).")
        }
        var change = SchemaPlanning.plan(request, schema: schema)
        if var attributes = change.planned.attributes {
            for name in ["file_permission", "directory_permission"] where attributes[name]?.isNull ?? true || !(attributes[name]?.isKnown ?? true) {
                attributes[name] = .string("0777")
            }
            change.planned = .object(attributes)
        }
        return change
    }

    public func create(planned: Value) throws(ProviderError) -> Value {
        let attributes = planned.attributes ?? [:]
        guard let given = attributes["filename"]?.stringValue else { throw ProviderError("Missing filename") }
        let filename = resolve(given)
        let bytes = try content(attributes)
        let directory = (filename as NSString).deletingLastPathComponent
        let directoryMode = Int(attributes["directory_permission"]?.stringValue ?? "0777", radix: 8) ?? 0o777
        let fileMode = Int(attributes["file_permission"]?.stringValue ?? "0777", radix: 8) ?? 0o777
        do {
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: directoryMode])
            }
            try Data(bytes).write(to: URL(fileURLWithPath: filename))
            try FileManager.default.setAttributes([.posixPermissions: fileMode], ofItemAtPath: filename)
        } catch {
            throw ProviderError("Could not write \(filename)", detail: error.localizedDescription)
        }
        return withDigests(planned, bytes: bytes)
    }

    public func delete(prior: Value) throws(ProviderError) {
        guard let filename = prior.attributes?["filename"]?.stringValue else { return }
        try? FileManager.default.removeItem(atPath: resolve(filename))
    }

    public func read(state: Value) throws(ProviderError) -> Value? {
        guard let filename = state.attributes?["filename"]?.stringValue else { return state }
        guard let data = FileManager.default.contents(atPath: resolve(filename)) else { return nil }
        let recorded = state.attributes?["content_sha1"]?.stringValue
        if recorded == Digest.hex(Digest.sha1.hash(data)) { return state }
        var attributes = state.attributes ?? [:]
        if attributes["content"]?.isNull == false { attributes["content"] = .string(String(decoding: data, as: UTF8.self)) }
        if attributes["content_base64"]?.isNull == false { attributes["content_base64"] = .string(data.base64EncodedString()) }
        if attributes["sensitive_content"]?.isNull == false { attributes["sensitive_content"] = .string(String(decoding: data, as: UTF8.self)) }
        return withDigests(.object(attributes), bytes: Array(data))
    }

    /// The file a create request wrote, if it is there with the requested
    /// content: the file name identifies a `local_file`.
    public func findCreated(request: Value) throws(ProviderError) -> CreatedObjectLookup {
        let attributes = request.attributes ?? [:]
        guard let filename = attributes["filename"]?.stringValue,
              let data = FileManager.default.contents(atPath: resolve(filename)) else { return .notFound }
        // A file there with other content was not made by this request;
        // a person must decide what it is.
        guard let wanted = try? content(attributes), Array(data) == wanted else { return .cannotTell }
        var adopted = attributes
        for name in ["file_permission", "directory_permission"] where adopted[name]?.stringValue == nil {
            adopted[name] = .string("0777")
        }
        return .found(withDigests(.object(adopted), bytes: wanted))
    }

    private func content(_ attributes: [String: Value]) throws(ProviderError) -> [UInt8] {
        if let text = attributes["content"]?.stringValue ?? attributes["sensitive_content"]?.stringValue { return Array(text.utf8) }
        if let encoded = attributes["content_base64"]?.stringValue {
            guard let data = Data(base64Encoded: encoded) else {
                throw ProviderError("Invalid content_base64", detail: "content_base64 is not valid base64.")
            }
            return Array(data)
        }
        return []
    }

    private func withDigests(_ value: Value, bytes: [UInt8]) -> Value {
        var attributes = value.attributes ?? [:]
        let sha1 = Digest.hex(Digest.sha1.hash(bytes))
        attributes["id"] = .string(sha1)
        attributes["content_sha1"] = .string(sha1)
        attributes["content_md5"] = .string(Digest.hex(Digest.md5.hash(bytes)))
        let sha256 = Digest.sha256.hash(bytes)
        attributes["content_sha256"] = .string(Digest.hex(sha256))
        attributes["content_base64sha256"] = .string(Data(sha256).base64EncodedString())
        return .object(attributes)
    }
}
