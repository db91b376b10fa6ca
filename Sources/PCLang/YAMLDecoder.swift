/// Reads one YAML document into a value as Terraform's `yamldecode` does:
/// mappings become objects, sequences tuples, scalars are resolved by
/// `YAMLScalarResolver`; anchors and aliases are shared values, merge keys
/// (`<<: *defaults`) copy a mapping's attributes in. A stream with more
/// than one document, or with none, is an error.
///
/// The grammar follows libyaml's parser (block and flow collections,
/// indentless sequences under keys, empty nodes); nesting is bounded by
/// the scanner, and aliases may not expand the document past
/// `YAMLLimits.maximumNodes`.
struct YAMLDecoder {
    var scanner: YAMLScanner
    private var anchors: [String: (value: Value, nodes: Int)] = [:]
    /// Anchors whose node is still being read, with how many times each is
    /// open (an anchor name may be reused inside itself).
    private var pendingAnchors: [String: Int] = [:]
    private var tagDirectives: [String: String] = [:]
    private var expandedNodes = 0

    static func decode(_ text: String) throws(YAMLError) -> Value {
        var decoder = YAMLDecoder(scanner: try YAMLScanner(text))
        return try decoder.decodeStream()
    }

    private init(scanner: YAMLScanner) {
        self.scanner = scanner
    }

    func error(_ message: String, at mark: YAMLMark) -> YAMLError {
        YAMLError(message, line: mark.line + 1, column: mark.column + 1)
    }

    // MARK: Stream and document

    private mutating func decodeStream() throws(YAMLError) -> Value {
        _ = try scanner.peek()
        scanner.skipToken()
        var token = try scanner.peek()
        let value: Value
        switch token.kind {
        case .streamEnd:
            throw error("missing start of document", at: token.start)
        case .versionDirective, .tagDirective, .documentStart:
            try processDirectives()
            token = try scanner.peek()
            guard case .documentStart = token.kind else {
                throw error("did not find expected <document start>", at: token.start)
            }
            scanner.skipToken()
            token = try scanner.peek()
            switch token.kind {
            case .versionDirective, .tagDirective, .documentStart, .documentEnd, .streamEnd:
                value = .null
            default:
                var nodes = 0
                value = try parseNode(block: true, indentlessSequence: false, depth: 0, nodes: &nodes)
            }
        default:
            try processDirectives()
            var nodes = 0
            value = try parseNode(block: true, indentlessSequence: false, depth: 0, nodes: &nodes)
        }
        token = try scanner.peek()
        if case .documentEnd = token.kind {
            scanner.skipToken()
            token = try scanner.peek()
            while case .documentEnd = token.kind {
                scanner.skipToken()
                token = try scanner.peek()
            }
        }
        switch token.kind {
        case .streamEnd:
            return value
        case .versionDirective, .tagDirective, .documentStart:
            throw error("unexpected extra content after value", at: token.start)
        default:
            throw error("did not find expected <document start>", at: token.start)
        }
    }

    private mutating func processDirectives() throws(YAMLError) {
        tagDirectives = ["!": "!", "!!": YAMLScalarResolver.prefix]
        var sawVersion = false
        var declared: Set<String> = []
        while true {
            let token = try scanner.peek()
            switch token.kind {
            case .versionDirective(let major, let minor):
                guard !sawVersion else { throw error("found duplicate %YAML directive", at: token.start) }
                guard major == 1, minor == 1 else { throw error("found incompatible YAML document", at: token.start) }
                sawVersion = true
            case .tagDirective(let handle, let prefix):
                guard declared.insert(handle).inserted else { throw error("found duplicate %TAG directive", at: token.start) }
                tagDirectives[handle] = prefix
            default:
                return
            }
            scanner.skipToken()
        }
    }

    // MARK: Nodes

    struct Properties {
        var anchor: String?
        var tag = ""
        var hasTag = false
    }

    /// Reads an anchor and a tag in either order before a node.
    mutating func readProperties(_ start: inout YAMLMark) throws(YAMLError) -> Properties {
        var properties = Properties()
        var tagParts: (handle: String, suffix: String)?
        var tagMark = start
        properties: for _ in 0..<2 {
            let token = try scanner.peek()
            switch token.kind {
            case .anchor(let name) where properties.anchor == nil:
                properties.anchor = name
            case .tag(let handle, let suffix) where tagParts == nil:
                tagParts = (handle, suffix)
                tagMark = token.start
            default:
                break properties
            }
            scanner.skipToken()
        }
        if let (handle, suffix) = tagParts {
            properties.hasTag = true
            if handle.isEmpty {
                properties.tag = suffix
            } else if let prefix = tagDirectives[handle] {
                properties.tag = prefix + suffix
            } else {
                throw error("found undefined tag handle", at: tagMark)
            }
        }
        return properties
    }

    /// One node; `nodes` grows by the number of values it contains, aliases
    /// counting what they stand for.
    mutating func parseNode(block: Bool, indentlessSequence: Bool, depth: Int, nodes: inout Int) throws(YAMLError) -> Value {
        guard depth < YAMLLimits.maximumDepth else {
            throw error("the document is nested more than \(YAMLLimits.maximumDepth) levels deep", at: scanner.mark)
        }
        var token = try scanner.peek()
        if case .alias(let name) = token.kind {
            scanner.skipToken()
            return try resolveAlias(name, at: token.start, nodes: &nodes)
        }
        var start = token.start
        let properties = try readProperties(&start)
        token = try scanner.peek()
        if let anchor = properties.anchor { pendingAnchors[anchor, default: 0] += 1 }
        var childNodes = 0
        let value: Value
        switch token.kind {
        case .blockEntry where indentlessSequence:
            try checkCollectionTag(properties, sequence: true, at: start)
            value = try parseIndentlessSequence(depth: depth, nodes: &childNodes)
        case .scalar(let text, let style):
            scanner.skipToken()
            let resolved = try resolve(properties.tag, text, style, at: start)
            if properties.tag.isEmpty && (style == .literal || style == .folded) {
                // go-cty-yaml types an untagged non-plain scalar as a string
                // but still resolves it, then converts: `|` + `yes` is "true".
                value = YAMLDecoder.asString(resolved)
            } else {
                value = resolved
            }
        case .flowSequenceStart:
            try checkCollectionTag(properties, sequence: true, at: start)
            value = try parseFlowSequence(depth: depth, nodes: &childNodes)
        case .flowMappingStart:
            try checkCollectionTag(properties, sequence: false, at: start)
            value = try parseFlowMapping(depth: depth, nodes: &childNodes)
        case .blockSequenceStart where block:
            try checkCollectionTag(properties, sequence: true, at: start)
            value = try parseBlockSequence(depth: depth, nodes: &childNodes)
        case .blockMappingStart where block:
            try checkCollectionTag(properties, sequence: false, at: start)
            value = try parseBlockMapping(depth: depth, nodes: &childNodes)
        default:
            if properties.anchor != nil || properties.hasTag {
                value = try resolve(properties.tag, "", .plain, at: start)
            } else {
                throw error("did not find expected node content", at: token.start)
            }
        }
        nodes += 1 + childNodes
        if let anchor = properties.anchor {
            pendingAnchors[anchor]! -= 1
            if pendingAnchors[anchor] == 0 { pendingAnchors[anchor] = nil }
            anchors[anchor] = (value, 1 + childNodes)
        }
        return value
    }

    static func asString(_ value: Value) -> Value {
        switch value.content {
        case .number(let number): return .string(number.description)
        case .bool(let bool): return .string(bool ? "true" : "false")
        case .null: return .null(.string)
        default: return value
        }
    }

    private func checkCollectionTag(_ properties: Properties, sequence: Bool, at mark: YAMLMark) throws(YAMLError) {
        let expected = sequence ? YAMLScalarResolver.sequenceTag : YAMLScalarResolver.mapTag
        if !properties.tag.isEmpty && properties.tag != expected {
            throw error("can't interpret \(sequence ? "sequence" : "mapping") as \(properties.tag)", at: mark)
        }
    }

    private mutating func resolveAlias(_ name: String, at mark: YAMLMark, nodes: inout Int) throws(YAMLError) -> Value {
        if pendingAnchors[name] != nil {
            throw error("cannot refer to anchor \(name.goQuoted) from inside its own definition", at: mark)
        }
        guard let (value, count) = anchors[name] else {
            throw error("reference to undefined anchor \(name.goQuoted)", at: mark)
        }
        expandedNodes += count
        guard expandedNodes <= YAMLLimits.maximumNodes else {
            throw error("the document expands to more than \(YAMLLimits.maximumNodes) values through its aliases", at: mark)
        }
        nodes += count
        return value
    }

    func resolve(_ tag: String, _ text: String, _ style: YAMLScalarStyle, at mark: YAMLMark) throws(YAMLError) -> Value {
        do throws(YAMLScalarResolver.Failure) {
            return try YAMLScalarResolver.resolve(tag: tag, text: text, style: style)
        } catch {
            throw self.error(error.message, at: mark)
        }
    }
}
