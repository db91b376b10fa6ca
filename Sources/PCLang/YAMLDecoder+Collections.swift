/// Sequences and mappings, block and flow, with libyaml's rules for empty
/// entries (`- ` alone, `key:` without a value) and go-cty-yaml's rules for
/// keys: scalars only, never null, numbers and bools as their text, and
/// `<<` merging a mapping in.
extension YAMLDecoder {
    /// A mapping key as read: only scalars may be keys.
    struct Key {
        var tag: String
        var text: String
        var style: YAMLScalarStyle
        var mark: YAMLMark

        var isMerge: Bool { tag.isEmpty && text == "<<" }
    }

    // MARK: Sequences

    mutating func parseBlockSequence(depth: Int, nodes: inout Int) throws(YAMLError) -> Value {
        scanner.skipToken()
        var elements: [Value] = []
        while true {
            let token = try scanner.peek()
            switch token.kind {
            case .blockEntry:
                scanner.skipToken()
                switch try scanner.peek().kind {
                case .blockEntry, .blockEnd:
                    elements.append(.null)
                    nodes += 1
                default:
                    elements.append(try parseNode(block: true, indentlessSequence: false, depth: depth + 1, nodes: &nodes))
                }
            case .blockEnd:
                scanner.skipToken()
                return .tuple(elements)
            default:
                throw error("did not find expected '-' indicator", at: token.start)
            }
        }
    }

    /// A sequence written under a mapping key at the key's own indentation.
    mutating func parseIndentlessSequence(depth: Int, nodes: inout Int) throws(YAMLError) -> Value {
        var elements: [Value] = []
        while case .blockEntry = try scanner.peek().kind {
            scanner.skipToken()
            switch try scanner.peek().kind {
            case .blockEntry, .key, .value, .blockEnd:
                elements.append(.null)
                nodes += 1
            default:
                elements.append(try parseNode(block: true, indentlessSequence: false, depth: depth + 1, nodes: &nodes))
            }
        }
        return .tuple(elements)
    }

    mutating func parseFlowSequence(depth: Int, nodes: inout Int) throws(YAMLError) -> Value {
        scanner.skipToken()
        var elements: [Value] = []
        var first = true
        while true {
            var token = try scanner.peek()
            if case .flowSequenceEnd = token.kind {
                scanner.skipToken()
                return .tuple(elements)
            }
            if !first {
                guard case .flowEntry = token.kind else {
                    throw error("did not find expected ',' or ']'", at: token.start)
                }
                scanner.skipToken()
                token = try scanner.peek()
            }
            first = false
            switch token.kind {
            case .flowSequenceEnd:
                continue
            case .key:
                // `[a: b]`: a mapping of one pair.
                scanner.skipToken()
                let key: Key
                let next = try scanner.peek()
                switch next.kind {
                case .value, .flowEntry, .flowSequenceEnd:
                    // libyaml consumes this token along with the empty key.
                    scanner.skipToken()
                    key = Key(tag: "", text: "", style: .plain, mark: next.start)
                default:
                    key = try parseKey(block: false, indentless: false, depth: depth + 1)
                }
                var attributes: [String: Value] = [:]
                try addEntry(key, to: &attributes, depth: depth, nodes: &nodes) { (decoder, nodes) throws(YAMLError) in
                    try decoder.parseFlowValue(ends: .flowSequenceEnd, depth: depth, nodes: &nodes)
                }
                elements.append(.object(attributes))
                nodes += 1
            default:
                elements.append(try parseNode(block: false, indentlessSequence: false, depth: depth + 1, nodes: &nodes))
            }
        }
    }

    // MARK: Mappings

    mutating func parseBlockMapping(depth: Int, nodes: inout Int) throws(YAMLError) -> Value {
        scanner.skipToken()
        var attributes: [String: Value] = [:]
        while true {
            let token = try scanner.peek()
            switch token.kind {
            case .key:
                scanner.skipToken()
                let next = try scanner.peek()
                let key: Key
                switch next.kind {
                case .key, .value, .blockEnd:
                    key = Key(tag: "", text: "", style: .plain, mark: next.start)
                default:
                    key = try parseKey(block: true, indentless: true, depth: depth + 1)
                }
                try addEntry(key, to: &attributes, depth: depth, nodes: &nodes) { (decoder, nodes) throws(YAMLError) in
                    guard case .value = try decoder.scanner.peek().kind else { return .null }
                    decoder.scanner.skipToken()
                    switch try decoder.scanner.peek().kind {
                    case .key, .value, .blockEnd:
                        return .null
                    default:
                        return try decoder.parseNode(block: true, indentlessSequence: true, depth: depth + 1, nodes: &nodes)
                    }
                }
            case .blockEnd:
                scanner.skipToken()
                return .object(attributes)
            default:
                throw error("did not find expected key", at: token.start)
            }
        }
    }

    mutating func parseFlowMapping(depth: Int, nodes: inout Int) throws(YAMLError) -> Value {
        scanner.skipToken()
        var attributes: [String: Value] = [:]
        var first = true
        while true {
            var token = try scanner.peek()
            if case .flowMappingEnd = token.kind {
                scanner.skipToken()
                return .object(attributes)
            }
            if !first {
                guard case .flowEntry = token.kind else {
                    throw error("did not find expected ',' or '}'", at: token.start)
                }
                scanner.skipToken()
                token = try scanner.peek()
            }
            first = false
            switch token.kind {
            case .flowMappingEnd:
                continue
            case .key:
                scanner.skipToken()
                let next = try scanner.peek()
                let key: Key
                switch next.kind {
                case .value, .flowEntry, .flowMappingEnd:
                    key = Key(tag: "", text: "", style: .plain, mark: next.start)
                default:
                    key = try parseKey(block: false, indentless: false, depth: depth + 1)
                }
                try addEntry(key, to: &attributes, depth: depth, nodes: &nodes) { (decoder, nodes) throws(YAMLError) in
                    try decoder.parseFlowValue(ends: .flowMappingEnd, depth: depth, nodes: &nodes)
                }
            default:
                // `{a, b: 1}`: a key without a value.
                let key = try parseKey(block: false, indentless: false, depth: depth + 1)
                try addEntry(key, to: &attributes, depth: depth, nodes: &nodes) { (_, _) throws(YAMLError) in .null }
            }
        }
    }

    private enum FlowEnd { case flowSequenceEnd, flowMappingEnd }

    /// The value after a flow key: `: value`, or nothing.
    private mutating func parseFlowValue(ends: FlowEnd, depth: Int, nodes: inout Int) throws(YAMLError) -> Value {
        guard case .value = try scanner.peek().kind else { return .null }
        scanner.skipToken()
        switch (try scanner.peek().kind, ends) {
        case (.flowEntry, _), (.flowSequenceEnd, .flowSequenceEnd), (.flowMappingEnd, .flowMappingEnd):
            return .null
        default:
            return try parseNode(block: false, indentlessSequence: false, depth: depth + 1, nodes: &nodes)
        }
    }

    // MARK: Keys

    private mutating func parseKey(block: Bool, indentless: Bool, depth: Int) throws(YAMLError) -> Key {
        var token = try scanner.peek()
        if case .alias = token.kind {
            throw error("only strings are allowed as mapping keys", at: token.start)
        }
        var start = token.start
        // Anchors on keys are read but not recorded, as in Terraform.
        let properties = try readProperties(&start)
        token = try scanner.peek()
        switch token.kind {
        case .scalar(let text, let style):
            scanner.skipToken()
            return Key(tag: properties.tag, text: text, style: style, mark: start)
        case .flowSequenceStart, .flowMappingStart:
            throw error("only strings are allowed as mapping keys", at: start)
        case .blockSequenceStart where block, .blockMappingStart where block, .blockEntry where indentless:
            throw error("only strings are allowed as mapping keys", at: start)
        default:
            if properties.anchor != nil || properties.hasTag {
                return Key(tag: properties.tag, text: "", style: .plain, mark: start)
            }
            throw error("did not find expected node content", at: token.start)
        }
    }

    /// Adds `key` and the value `readValue` reads to `attributes`; a merge
    /// key copies the value's attributes instead.
    private mutating func addEntry(
        _ key: Key, to attributes: inout [String: Value], depth: Int, nodes: inout Int,
        readValue: (inout YAMLDecoder, inout Int) throws(YAMLError) -> Value
    ) throws(YAMLError) {
        if key.isMerge {
            let value = try readValue(&self, &nodes)
            guard case .object(let merged) = value.content else {
                throw error("cannot merge \(value.type.friendlyName) into mapping", at: key.mark)
            }
            for (name, element) in merged { attributes[name] = element }
            return
        }
        let resolved = try resolve(key.tag, key.text, key.style, at: key.mark)
        let name: String
        switch resolved.content {
        case .string(let text): name = text
        case .number(let number): name = number.description
        case .bool(let bool): name = bool ? "true" : "false"
        case .null: throw error("mapping key cannot be null", at: key.mark)
        default: throw error("only strings are allowed as mapping keys", at: key.mark)
        }
        attributes[name] = try readValue(&self, &nodes)
    }
}
