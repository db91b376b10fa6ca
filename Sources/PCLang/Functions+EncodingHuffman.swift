/// The block writer of Go's DEFLATE encoder: for each block it sizes the
/// stored, fixed-Huffman and dynamic-Huffman encodings and writes the
/// smallest, as Go does, so the output matches Terraform's `base64gzip`.
struct GoHuffmanWriter {
    static let literalCount = 286
    static let offsetCodeCount = 30
    static let codegenCodeCount = 19
    static let endBlockMarker: UInt16 = 256
    static let lengthExtraBits: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Match length minus 3 at which each length code starts.
    static let lengthBase: [Int] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255]
    static let offsetExtraBits: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// Offset minus 1 at which each distance code starts.
    static let offsetBase: [Int] = [
        0x0000, 0x0001, 0x0002, 0x0003, 0x0004, 0x0006, 0x0008, 0x000C, 0x0010, 0x0018,
        0x0020, 0x0030, 0x0040, 0x0060, 0x0080, 0x00C0, 0x0100, 0x0180, 0x0200, 0x0300,
        0x0400, 0x0600, 0x0800, 0x0C00, 0x1000, 0x1800, 0x2000, 0x3000, 0x4000, 0x6000,
    ]
    static let codegenOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static let lengthCodes: [Int] = (0...255).map { extra in lengthBase.lastIndex { $0 <= extra }! }
    static let offsetCodes: [Int] = (0..<256).map { offset in offsetBase.lastIndex { $0 <= offset }! }

    static let fixedLiteralEncoding: GoHuffmanEncoder = {
        var encoder = GoHuffmanEncoder(size: literalCount)
        for symbol in 0..<literalCount {
            let (bits, size): (Int, Int) = switch symbol {
            case ..<144: (symbol + 48, 8)
            case ..<256: (symbol + 400 - 144, 9)
            case ..<280: (symbol - 256, 7)
            default: (symbol + 192 - 280, 8)
            }
            encoder.code[symbol] = GoHuffmanEncoder.reverse(UInt16(bits), size)
            encoder.length[symbol] = UInt16(size)
        }
        return encoder
    }()

    static let fixedOffsetEncoding: GoHuffmanEncoder = {
        var encoder = GoHuffmanEncoder(size: offsetCodeCount)
        for symbol in 0..<offsetCodeCount {
            encoder.code[symbol] = GoHuffmanEncoder.reverse(UInt16(symbol), 5)
            encoder.length[symbol] = 5
        }
        return encoder
    }()

    private(set) var output: [UInt8] = []
    private var bits: UInt64 = 0
    private var bitCount = 0
    private var literalFrequencies = [Int32](repeating: 0, count: GoHuffmanWriter.literalCount)
    private var offsetFrequencies = [Int32](repeating: 0, count: GoHuffmanWriter.offsetCodeCount)
    private var codegenFrequencies = [Int32](repeating: 0, count: GoHuffmanWriter.codegenCodeCount)
    private var codegen: [UInt8] = []
    private var literalEncoding = GoHuffmanEncoder(size: GoHuffmanWriter.literalCount)
    private var offsetEncoding = GoHuffmanEncoder(size: GoHuffmanWriter.offsetCodeCount)
    private var codegenEncoding = GoHuffmanEncoder(size: GoHuffmanWriter.codegenCodeCount)

    static func lengthCode(_ extraLength: Int) -> Int { lengthCodes[extraLength] }

    static func offsetCode(_ extraOffset: Int) -> Int {
        if extraOffset < 256 { return offsetCodes[extraOffset] }
        if extraOffset >> 7 < 256 { return offsetCodes[extraOffset >> 7] + 14 }
        return offsetCodes[extraOffset >> 14] + 28
    }

    // MARK: Bits

    mutating func writeBits(_ value: Int, _ count: Int) {
        bits |= UInt64(truncatingIfNeeded: value) << UInt64(bitCount)
        bitCount += count
        while bitCount >= 8 {
            output.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
            bitCount -= 8
        }
    }

    /// Pads to a whole byte.
    mutating func flush() {
        if bitCount > 0 {
            output.append(UInt8(truncatingIfNeeded: bits))
        }
        bits = 0
        bitCount = 0
    }

    private mutating func writeCode(_ encoder: GoHuffmanEncoder, _ symbol: Int) {
        writeBits(Int(encoder.code[symbol]), Int(encoder.length[symbol]))
    }

    mutating func writeStoredHeader(length: Int, isEOF: Bool) {
        writeBits(isEOF ? 1 : 0, 3)
        flush()
        writeBits(length, 16)
        writeBits(Int(~UInt16(truncatingIfNeeded: length)), 16)
    }

    // MARK: Blocks

    mutating func writeBlock(_ tokens: [GoToken], isEOF: Bool, input: ArraySlice<UInt8>?) {
        var tokens = tokens
        tokens.append(.literal(GoHuffmanWriter.endBlockMarker))
        let (literalCount, offsetCount) = indexTokens(tokens)

        var extraBits = 0
        let storable = input.map { $0.count <= 65535 } ?? false
        let storedSize = storable ? (input!.count + 5) * 8 : 0
        if storable {
            for code in (257 + 8)..<max(257 + 8, literalCount) {
                extraBits += Int(literalFrequencies[code]) * GoHuffmanWriter.lengthExtraBits[code - 257]
            }
            for code in 4..<max(4, offsetCount) {
                extraBits += Int(offsetFrequencies[code]) * GoHuffmanWriter.offsetExtraBits[code]
            }
        }
        var useFixed = true
        var size = 3 + GoHuffmanWriter.fixedLiteralEncoding.bitLength(literalFrequencies)
            + GoHuffmanWriter.fixedOffsetEncoding.bitLength(offsetFrequencies) + extraBits
        generateCodegen(literalCount: literalCount, offsetCount: offsetCount)
        codegenEncoding.generate(codegenFrequencies, maximumBits: 7)
        let (dynamicSize, codegenCount) = self.dynamicSize(extraBits: extraBits)
        if dynamicSize < size {
            size = dynamicSize
            useFixed = false
        }
        if storable && storedSize < size {
            writeStoredHeader(length: input!.count, isEOF: isEOF)
            flush()
            output.append(contentsOf: input!)
            return
        }
        if useFixed {
            writeBits(isEOF ? 3 : 2, 3)
            writeTokens(tokens, literals: GoHuffmanWriter.fixedLiteralEncoding, offsets: GoHuffmanWriter.fixedOffsetEncoding)
        } else {
            writeDynamicHeader(literalCount: literalCount, offsetCount: offsetCount, codegenCount: codegenCount, isEOF: isEOF)
            writeTokens(tokens, literals: literalEncoding, offsets: offsetEncoding)
        }
    }

    private mutating func indexTokens(_ tokens: [GoToken]) -> (literals: Int, offsets: Int) {
        for index in literalFrequencies.indices { literalFrequencies[index] = 0 }
        for index in offsetFrequencies.indices { offsetFrequencies[index] = 0 }
        for token in tokens {
            switch token {
            case .literal(let symbol):
                literalFrequencies[Int(symbol)] += 1
            case .match(let length, let offset):
                literalFrequencies[257 + GoHuffmanWriter.lengthCode(length - 3)] += 1
                offsetFrequencies[GoHuffmanWriter.offsetCode(offset - 1)] += 1
            }
        }
        var literalCount = literalFrequencies.count
        while literalFrequencies[literalCount - 1] == 0 { literalCount -= 1 }
        var offsetCount = offsetFrequencies.count
        while offsetCount > 0 && offsetFrequencies[offsetCount - 1] == 0 { offsetCount -= 1 }
        if offsetCount == 0 {
            // A dynamic block must describe at least one distance code.
            offsetFrequencies[0] = 1
            offsetCount = 1
        }
        literalEncoding.generate(literalFrequencies, maximumBits: 15)
        offsetEncoding.generate(offsetFrequencies, maximumBits: 15)
        return (literalCount, offsetCount)
    }

    /// The run-length encoding of the code lengths (RFC 1951 §3.2.7), and
    /// the frequencies of its symbols.
    private mutating func generateCodegen(literalCount: Int, offsetCount: Int) {
        for index in codegenFrequencies.indices { codegenFrequencies[index] = 0 }
        var lengths: [UInt8] = []
        lengths.reserveCapacity(literalCount + offsetCount + 1)
        for symbol in 0..<literalCount { lengths.append(UInt8(literalEncoding.length[symbol])) }
        for symbol in 0..<offsetCount { lengths.append(UInt8(offsetEncoding.length[symbol])) }
        lengths.append(255)
        codegen.removeAll(keepingCapacity: true)
        var size = lengths[0]
        var count = 1
        var inIndex = 1
        while size != 255 {
            let nextSize = lengths[inIndex]
            inIndex += 1
            if nextSize == size {
                count += 1
                continue
            }
            if size != 0 {
                codegen.append(size)
                codegenFrequencies[Int(size)] += 1
                count -= 1
                while count >= 3 {
                    let run = min(6, count)
                    codegen.append(16)
                    codegen.append(UInt8(run - 3))
                    codegenFrequencies[16] += 1
                    count -= run
                }
            } else {
                while count >= 11 {
                    let run = min(138, count)
                    codegen.append(18)
                    codegen.append(UInt8(run - 11))
                    codegenFrequencies[18] += 1
                    count -= run
                }
                if count >= 3 {
                    codegen.append(17)
                    codegen.append(UInt8(count - 3))
                    codegenFrequencies[17] += 1
                    count = 0
                }
            }
            while count > 0 {
                codegen.append(size)
                codegenFrequencies[Int(size)] += 1
                count -= 1
            }
            size = nextSize
            count = 1
        }
        codegen.append(255)
    }

    private func dynamicSize(extraBits: Int) -> (size: Int, codegenCount: Int) {
        var codegenCount = codegenFrequencies.count
        while codegenCount > 4 && codegenFrequencies[GoHuffmanWriter.codegenOrder[codegenCount - 1]] == 0 {
            codegenCount -= 1
        }
        let header = 3 + 5 + 5 + 4 + 3 * codegenCount + codegenEncoding.bitLength(codegenFrequencies)
            + Int(codegenFrequencies[16]) * 2 + Int(codegenFrequencies[17]) * 3 + Int(codegenFrequencies[18]) * 7
        let size = header + literalEncoding.bitLength(literalFrequencies) + offsetEncoding.bitLength(offsetFrequencies) + extraBits
        return (size, codegenCount)
    }

    private mutating func writeDynamicHeader(literalCount: Int, offsetCount: Int, codegenCount: Int, isEOF: Bool) {
        writeBits(isEOF ? 5 : 4, 3)
        writeBits(literalCount - 257, 5)
        writeBits(offsetCount - 1, 5)
        writeBits(codegenCount - 4, 4)
        for index in 0..<codegenCount {
            writeBits(Int(codegenEncoding.length[GoHuffmanWriter.codegenOrder[index]]), 3)
        }
        var index = 0
        while codegen[index] != 255 {
            let symbol = Int(codegen[index])
            index += 1
            writeCode(codegenEncoding, symbol)
            switch symbol {
            case 16: writeBits(Int(codegen[index]), 2); index += 1
            case 17: writeBits(Int(codegen[index]), 3); index += 1
            case 18: writeBits(Int(codegen[index]), 7); index += 1
            default: break
            }
        }
    }

    private mutating func writeTokens(_ tokens: [GoToken], literals: GoHuffmanEncoder, offsets: GoHuffmanEncoder) {
        for token in tokens {
            switch token {
            case .literal(let symbol):
                writeCode(literals, Int(symbol))
            case .match(let length, let offset):
                let extraLength = length - 3
                let lengthCode = GoHuffmanWriter.lengthCode(extraLength)
                writeCode(literals, 257 + lengthCode)
                let lengthBits = GoHuffmanWriter.lengthExtraBits[lengthCode]
                if lengthBits > 0 { writeBits(extraLength - GoHuffmanWriter.lengthBase[lengthCode], lengthBits) }
                let extraOffset = offset - 1
                let offsetCode = GoHuffmanWriter.offsetCode(extraOffset)
                writeCode(offsets, offsetCode)
                let offsetBits = GoHuffmanWriter.offsetExtraBits[offsetCode]
                if offsetBits > 0 { writeBits(extraOffset - GoHuffmanWriter.offsetBase[offsetCode], offsetBits) }
            }
        }
    }
}

/// Go's length-limited Huffman code builder: leaves sorted by frequency
/// (then symbol), bit lengths from its level-by-level construction, codes
/// assigned in symbol order within each length.
struct GoHuffmanEncoder {
    var code: [UInt16]
    var length: [UInt16]

    init(size: Int) {
        code = [UInt16](repeating: 0, count: size)
        length = [UInt16](repeating: 0, count: size)
    }

    static func reverse(_ value: UInt16, _ bitLength: Int) -> UInt16 {
        (value &<< UInt16(16 - bitLength)).bitReversed
    }

    func bitLength(_ frequencies: [Int32]) -> Int {
        var total = 0
        for (symbol, frequency) in frequencies.enumerated() where frequency != 0 {
            total += Int(frequency) * Int(length[symbol])
        }
        return total
    }

    private struct Leaf {
        var symbol: UInt16
        var frequency: Int32
    }

    mutating func generate(_ frequencies: [Int32], maximumBits: Int) {
        var leaves: [Leaf] = []
        for (symbol, frequency) in frequencies.enumerated() {
            if frequency != 0 {
                leaves.append(Leaf(symbol: UInt16(symbol), frequency: frequency))
            } else {
                length[symbol] = 0
            }
        }
        if leaves.count <= 2 {
            for (position, leaf) in leaves.enumerated() {
                code[Int(leaf.symbol)] = UInt16(position)
                length[Int(leaf.symbol)] = 1
            }
            return
        }
        leaves.sort { $0.frequency != $1.frequency ? $0.frequency < $1.frequency : $0.symbol < $1.symbol }
        let counts = GoHuffmanEncoder.bitCounts(leaves.map(\.frequency), maximumBits: maximumBits)
        var remaining = leaves[...]
        var next: UInt16 = 0
        for (bits, count) in counts.enumerated() {
            next = next &<< 1
            if bits == 0 || count == 0 { continue }
            let chunk = remaining.suffix(Int(count)).sorted { $0.symbol < $1.symbol }
            for leaf in chunk {
                code[Int(leaf.symbol)] = GoHuffmanEncoder.reverse(next, bits)
                length[Int(leaf.symbol)] = UInt16(bits)
                next = next &+ 1
            }
            remaining = remaining.dropLast(Int(count))
        }
    }

    private struct Level {
        var level: Int
        var lastFrequency: Int32 = 0
        var nextCharacterFrequency: Int32 = 0
        var nextPairFrequency: Int32 = 0
        var needed: Int32 = 0
    }

    /// How many symbols get each bit length (index = bits), for
    /// frequencies in increasing order, never longer than `maximumBits`.
    static func bitCounts(_ sortedFrequencies: [Int32], maximumBits: Int) -> [Int32] {
        let count = Int32(sortedFrequencies.count)
        let list = sortedFrequencies + [Int32.max]
        let maximumBits = min(maximumBits, Int(count) - 1)
        var levels = (0...16).map { Level(level: $0) }
        var leafCounts = [[Int32]](repeating: [Int32](repeating: 0, count: 16), count: 16)
        for level in 1...maximumBits {
            levels[level] = Level(level: level, lastFrequency: list[1], nextCharacterFrequency: list[2],
                                  nextPairFrequency: list[0] &+ list[1])
            leafCounts[level][level] = 2
            if level == 1 { levels[level].nextPairFrequency = Int32.max }
        }
        levels[maximumBits].needed = 2 * count - 4
        var level = maximumBits
        while true {
            if levels[level].nextPairFrequency == Int32.max && levels[level].nextCharacterFrequency == Int32.max {
                levels[level].needed = 0
                levels[level + 1].nextPairFrequency = Int32.max
                level += 1
                continue
            }
            let previousFrequency = levels[level].lastFrequency
            if levels[level].nextCharacterFrequency < levels[level].nextPairFrequency {
                let leaves = leafCounts[level][level] + 1
                levels[level].lastFrequency = levels[level].nextCharacterFrequency
                leafCounts[level][level] = leaves
                levels[level].nextCharacterFrequency = list[Int(leaves)]
            } else {
                levels[level].lastFrequency = levels[level].nextPairFrequency
                for lower in 0..<level { leafCounts[level][lower] = leafCounts[level - 1][lower] }
                levels[level - 1].needed = 2
            }
            levels[level].needed -= 1
            if levels[level].needed == 0 {
                if level == maximumBits { break }
                levels[level + 1].nextPairFrequency = previousFrequency &+ levels[level].lastFrequency
                level += 1
            } else {
                while levels[level - 1].needed > 0 { level -= 1 }
            }
        }
        var bitCount = [Int32](repeating: 0, count: maximumBits + 1)
        var bits = 1
        for level in stride(from: maximumBits, to: 0, by: -1) {
            bitCount[bits] = leafCounts[maximumBits][level] - leafCounts[maximumBits][level - 1]
            bits += 1
        }
        return bitCount
    }
}

private extension UInt16 {
    var bitReversed: UInt16 {
        var value = self
        var result: UInt16 = 0
        for _ in 0..<16 {
            result = result << 1 | value & 1
            value >>= 1
        }
        return result
    }
}
