extension FunctionLibrary {
    /// Encoding functions: Base64 (plain, gzipped, of other character
    /// encodings), CSV, JSON, YAML and URL query escaping.
    static var encodingFunctions: [Function] {
        [
            base64decode, base64encode, base64gzip, csvdecode, jsondecode, jsonencode,
            textdecodebase64, textencodebase64, urlencode, yamldecode, yamlencode,
        ]
    }

    private static var base64decode: Function {
        // Marks are handled here so the message can show the text that
        // failed to decode, unless it is sensitive.
        Function(
            name: "base64decode",
            parameters: [FunctionParameter("str", .string, allowsUnknown: true)],
            returnType: .string,
            handlesMarks: true,
            summary: "Decodes a Base64 string and returns the original UTF-8 text."
        ) { arguments, _ throws(FunctionError) in
            let argument = arguments[0]
            let sensitive = argument.containsSensitive
            guard argument.isKnown, let text = argument.unmarkedDeepValue.stringValue else {
                return Value.unknown(.string).marked(sensitive: sensitive)
            }
            guard let bytes = try? Base64.decode(text) else {
                let shown = sensitive ? "(sensitive value)" : text.goQuoted
                throw FunctionError("failed to decode base64 data \(shown).")
            }
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                throw FunctionError("the result of decoding the provided string is not valid UTF-8.")
            }
            return Value.string(decoded.nfcNormalized).marked(sensitive: sensitive)
        }
    }

    private static var base64encode: Function {
        Function(
            name: "base64encode",
            parameters: [FunctionParameter("str", .string)],
            returnType: .string,
            summary: "Encodes a string's UTF-8 bytes in Base64."
        ) { arguments, _ throws(FunctionError) in
            .string(Base64.encode(Array(arguments[0].stringValue!.utf8)))
        }
    }

    private static var base64gzip: Function {
        Function(
            name: "base64gzip",
            parameters: [FunctionParameter("str", .string)],
            returnType: .string,
            summary: "Compresses a string with gzip and encodes the result in Base64."
        ) { arguments, _ throws(FunctionError) in
            .string(Base64.encode(Gzip.compress(Array(arguments[0].stringValue!.utf8))))
        }
    }

    private static var csvdecode: Function {
        Function(
            name: "csvdecode",
            parameters: [FunctionParameter("str", .string)],
            returnType: .dynamic,
            summary: "Decodes CSV text with a header row into a list of objects of strings."
        ) { arguments, _ throws(FunctionError) in
            do throws(CSVDecoder.Failure) {
                return try CSVDecoder.decode(arguments[0].stringValue!)
            } catch {
                throw FunctionError(sentence(error.message))
            }
        }
    }

    private static var jsondecode: Function {
        Function(
            name: "jsondecode",
            parameters: [FunctionParameter("str", .string)],
            returnType: .dynamic,
            summary: "Interprets a string as JSON and returns the value it describes."
        ) { arguments, _ throws(FunctionError) in
            do throws(ValueJSONError) {
                return try Value.fromJSON(arguments[0].stringValue!)
            } catch {
                throw FunctionError(sentence(error.description))
            }
        }
    }

    private static var jsonencode: Function {
        Function(
            name: "jsonencode",
            parameters: [FunctionParameter("val", .dynamic, allowsNull: true)],
            returnType: .string,
            summary: "Encodes a value as compact JSON."
        ) { arguments, _ throws(FunctionError) in
            do throws(ValueJSONError) {
                return .string(try arguments[0].jsonString())
            } catch {
                throw FunctionError(sentence(error.description))
            }
        }
    }

    private static var textdecodebase64: Function {
        Function(
            name: "textdecodebase64",
            parameters: [FunctionParameter("source", .string), FunctionParameter("encoding", .string)],
            returnType: .string,
            summary: "Decodes Base64 data and interprets it as text in the given character encoding."
        ) { arguments, _ throws(FunctionError) in
            let charset = try TextCharset.named(arguments[1].stringValue!, argument: 1)
            let bytes: [UInt8]
            do throws(Base64.DecodingError) {
                bytes = try Base64.decode(arguments[0].stringValue!)
            } catch {
                throw FunctionError(argument: 0, "Invalid value for \"source\" parameter: the given value is has an invalid base64 symbol at offset \(error.offset).")
            }
            guard let text = charset.decode(bytes), !text.unicodeScalars.contains("\u{FFFD}") else {
                throw FunctionError(argument: 0, "Invalid value for \"source\" parameter: the given string contains symbols that are not defined for \(charset.name).")
            }
            return .string(text.nfcNormalized)
        }
    }

    private static var textencodebase64: Function {
        Function(
            name: "textencodebase64",
            parameters: [FunctionParameter("string", .string), FunctionParameter("encoding", .string)],
            returnType: .string,
            summary: "Encodes a string in the given character encoding and returns the bytes in Base64."
        ) { arguments, _ throws(FunctionError) in
            let charset = try TextCharset.named(arguments[1].stringValue!, argument: 1)
            guard let bytes = charset.encode(arguments[0].stringValue!) else {
                throw FunctionError(argument: 0, "Invalid value for \"string\" parameter: the given string contains characters that cannot be represented in \(charset.name).")
            }
            return .string(Base64.encode(bytes))
        }
    }

    private static var urlencode: Function {
        Function(
            name: "urlencode",
            parameters: [FunctionParameter("str", .string)],
            returnType: .string,
            summary: "Escapes a string for use in a URL query, as Go's url.QueryEscape does."
        ) { arguments, _ throws(FunctionError) in
            .string(URLQueryEscaping.escape(arguments[0].stringValue!))
        }
    }

    private static var yamldecode: Function {
        Function(
            name: "yamldecode",
            parameters: [FunctionParameter("src", .string)],
            returnType: .dynamic,
            summary: "Parses a string as a single YAML document and returns the value it describes."
        ) { arguments, _ throws(FunctionError) in
            do throws(YAMLError) {
                return try YAMLDecoder.decode(arguments[0].stringValue!)
            } catch {
                throw FunctionError(sentence(error.description))
            }
        }
    }

    private static var yamlencode: Function {
        Function(
            name: "yamlencode",
            parameters: [FunctionParameter("value", .dynamic, allowsNull: true)],
            returnType: .string,
            summary: "Encodes a value as a YAML document in block style."
        ) { arguments, _ throws(FunctionError) in
            do throws(YAMLError) {
                return .string(try YAMLEncoder.encode(arguments[0]))
            } catch {
                throw FunctionError(sentence(error.description))
            }
        }
    }

    /// Messages are sentences, as Terraform's are.
    private static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }
}
