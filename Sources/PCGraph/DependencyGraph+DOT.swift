extension DependencyGraph {
    /// The graph in Graphviz DOT, as `pcplan graph` prints it: every node in
    /// index order, then every edge (dependent → dependency) ordered by
    /// dependent, then dependency. The same graph and names always give the
    /// same text.
    ///
    /// Names, attribute names and values are written as quoted DOT strings
    /// with `"` and `\` escaped and line breaks as `\n` (a carriage return
    /// as `\r`), so any text is safe and distinct names stay distinct. Two
    /// nodes given the same name are one node to Graphviz.
    ///
    /// - Parameters:
    ///   - graphAttributes: attributes of the whole graph, such as
    ///     `("rankdir", "RL")`.
    ///   - name: the name shown for each node.
    ///   - nodeAttributes: extra attributes of a node, such as
    ///     `("shape", "box")`.
    ///   - edgeAttributes: extra attributes of the edge from a dependent to
    ///     a dependency with its label.
    public func dot(
        graphAttributes: [(String, String)] = [],
        name: (Int) -> String,
        nodeAttributes: (Int) -> [(String, String)] = { _ in [] },
        edgeAttributes: (_ dependent: Int, _ dependency: Int, _ label: UInt32) -> [(String, String)] = { _, _, _ in [] }
    ) -> String {
        var text = "digraph {\n"
        for (key, value) in graphAttributes {
            text += "\t"
            text += Self.dotQuoted(key)
            text += " = "
            text += Self.dotQuoted(value)
            text += "\n"
        }
        var quotedNames: [String] = []
        quotedNames.reserveCapacity(nodeCount)
        for node in 0..<nodeCount {
            let quoted = Self.dotQuoted(name(node))
            quotedNames.append(quoted)
            text += "\t"
            text += quoted
            Self.appendAttributes(nodeAttributes(node), to: &text)
            text += "\n"
        }
        let adjacency = dependencyLists
        for node in 0..<nodeCount {
            for edge in adjacency.row(node) {
                let dependency = Int(adjacency.targets[edge])
                text += "\t"
                text += quotedNames[node]
                text += " -> "
                text += quotedNames[dependency]
                Self.appendAttributes(edgeAttributes(node, dependency, adjacency.labels[edge]), to: &text)
                text += "\n"
            }
        }
        text += "}\n"
        return text
    }

    private static func appendAttributes(_ attributes: [(String, String)], to text: inout String) {
        if attributes.isEmpty { return }
        text += " ["
        for (position, (key, value)) in attributes.enumerated() {
            if position > 0 { text += ", " }
            text += dotQuoted(key)
            text += "="
            text += dotQuoted(value)
        }
        text += "]"
    }

    /// `text` as a DOT quoted string. DOT itself only unescapes `\"`, but
    /// Graphviz then reads labels as escString, where a lone backslash starts
    /// an escape; doubling it keeps every name distinct and shown verbatim.
    static func dotQuoted(_ text: String) -> String {
        var quoted = "\""
        quoted.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        quoted += "\""
        return quoted
    }
}
