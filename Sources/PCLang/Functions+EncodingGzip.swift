/// gzip as Terraform's `base64gzip` produces it: Go's `compress/gzip` at
/// the default level, written, flushed and closed. The compressed bytes
/// must be the same as Terraform's, not merely equivalent, because they end
/// up in resource attributes (instance user data) where any difference is a
/// change to apply; so this follows Go's DEFLATE encoder step by step: its
/// hash chains and lazy matching (level 6), its block boundaries, its
/// choice between stored, fixed and dynamic Huffman blocks, and its
/// length-limited Huffman code construction.
enum Gzip {
    static func compress(_ input: [UInt8]) -> [UInt8] {
        // Header: no name, no time, default level, unknown system.
        var output: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var deflater = GoDeflater()
        deflater.write(input)
        deflater.syncFlush()
        deflater.close()
        output.append(contentsOf: deflater.writer.output)
        let crc = CRC32.checksum(input)
        let size = UInt32(truncatingIfNeeded: input.count)
        for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: size >> UInt32(shift))) }
        return output
    }
}

enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index -> UInt32 in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }
}

/// Go's DEFLATE compressor at level 6 (good 8, lazy 16, nice 128, chain
/// 128), with its 64 KiB window, 17-bit hash of four bytes, and blocks of
/// at most 16,384 tokens.
struct GoDeflater {
    static let windowSize = 1 << 15
    static let windowMask = windowSize - 1
    static let minMatchLength = 4
    static let maxMatchLength = 258
    static let hashBits = 17
    static let maxFlateBlockTokens = 1 << 14
    static let maxHashOffset = 1 << 24
    static let good = 8, lazy = 16, nice = 128, chain = 128

    private(set) var writer = GoHuffmanWriter()
    private var window = [UInt8](repeating: 0, count: 2 * GoDeflater.windowSize)
    private var windowEnd = 0
    private var index = 0
    private var blockStart = 0
    private var byteAvailable = false
    private var hashHead = [UInt32](repeating: 0, count: 1 << GoDeflater.hashBits)
    private var hashPrev = [UInt32](repeating: 0, count: GoDeflater.windowSize)
    private var hashOffset = 1
    private var chainHead = -1
    private var length = GoDeflater.minMatchLength - 1
    private var offset = 0
    private var maxInsertIndex = 0
    private var tokens: [GoToken] = []
    private var sync = false

    mutating func write(_ data: [UInt8]) {
        var rest = data[...]
        while !rest.isEmpty {
            deflate()
            let count = fill(rest)
            rest = rest.dropFirst(count)
        }
    }

    mutating func syncFlush() {
        sync = true
        deflate()
        writer.writeStoredHeader(length: 0, isEOF: false)
        writer.flush()
        sync = false
    }

    mutating func close() {
        sync = true
        deflate()
        writer.writeStoredHeader(length: 0, isEOF: true)
        writer.flush()
    }

    private func hash4(_ at: Int) -> Int {
        let word = UInt32(window[at + 3]) | UInt32(window[at + 2]) << 8 | UInt32(window[at + 1]) << 16 | UInt32(window[at]) << 24
        return Int((word &* 0x1E35_A7BD) >> UInt32(32 - GoDeflater.hashBits))
    }

    private mutating func fill(_ bytes: ArraySlice<UInt8>) -> Int {
        let windowSize = GoDeflater.windowSize
        if index >= 2 * windowSize - (GoDeflater.minMatchLength + GoDeflater.maxMatchLength) {
            // Slide the window down by half.
            window.withUnsafeMutableBufferPointer { buffer in
                for position in 0..<windowSize { buffer[position] = buffer[position + windowSize] }
            }
            index -= windowSize
            windowEnd -= windowSize
            blockStart = blockStart >= windowSize ? blockStart - windowSize : Int(Int32.max)
            hashOffset += windowSize
            if hashOffset > GoDeflater.maxHashOffset {
                let delta = hashOffset - 1
                hashOffset -= delta
                chainHead -= delta
                for position in hashPrev.indices {
                    hashPrev[position] = Int(hashPrev[position]) > delta ? UInt32(Int(hashPrev[position]) - delta) : 0
                }
                for position in hashHead.indices {
                    hashHead[position] = Int(hashHead[position]) > delta ? UInt32(Int(hashHead[position]) - delta) : 0
                }
            }
        }
        let count = min(bytes.count, window.count - windowEnd)
        window.replaceSubrange(windowEnd..<(windowEnd + count), with: bytes.prefix(count))
        windowEnd += count
        return count
    }

    private mutating func writeBlock(upTo end: Int) {
        guard end > 0 else { return }
        let input: ArraySlice<UInt8>? = blockStart <= end ? window[blockStart..<end] : nil
        blockStart = end
        writer.writeBlock(tokens, isEOF: false, input: input)
    }

    private mutating func deflate() {
        let minMatch = GoDeflater.minMatchLength
        if windowEnd - index < minMatch + GoDeflater.maxMatchLength && !sync { return }
        maxInsertIndex = windowEnd - (minMatch - 1)
        while true {
            let lookahead = windowEnd - index
            if lookahead < minMatch + GoDeflater.maxMatchLength {
                if !sync { return }
                if lookahead == 0 {
                    if byteAvailable {
                        tokens.append(.literal(window[index - 1]))
                        byteAvailable = false
                    }
                    if !tokens.isEmpty {
                        writeBlock(upTo: index)
                        tokens.removeAll(keepingCapacity: true)
                    }
                    return
                }
            }
            if index < maxInsertIndex {
                let hash = hash4(index)
                chainHead = Int(hashHead[hash])
                hashPrev[index & GoDeflater.windowMask] = UInt32(chainHead)
                hashHead[hash] = UInt32(index + hashOffset)
            }
            let previousLength = length
            let previousOffset = offset
            length = minMatch - 1
            offset = 0
            let minIndex = max(index - GoDeflater.windowSize, 0)
            if chainHead - hashOffset >= minIndex && lookahead > previousLength && previousLength < GoDeflater.lazy {
                if let match = findMatch(at: index, head: chainHead - hashOffset, previousLength: minMatch - 1, lookahead: lookahead) {
                    (length, offset) = match
                }
            }
            if previousLength >= minMatch && length <= previousLength {
                // The previous match is at least as good: emit it.
                tokens.append(.match(length: previousLength, offset: previousOffset))
                let newIndex = index + previousLength - 1
                index += 1
                while index < newIndex {
                    if index < maxInsertIndex {
                        let hash = hash4(index)
                        hashPrev[index & GoDeflater.windowMask] = hashHead[hash]
                        hashHead[hash] = UInt32(index + hashOffset)
                    }
                    index += 1
                }
                byteAvailable = false
                length = minMatch - 1
                if tokens.count == GoDeflater.maxFlateBlockTokens {
                    writeBlock(upTo: index)
                    tokens.removeAll(keepingCapacity: true)
                }
            } else {
                if byteAvailable {
                    tokens.append(.literal(window[index - 1]))
                    if tokens.count == GoDeflater.maxFlateBlockTokens {
                        writeBlock(upTo: index)
                        tokens.removeAll(keepingCapacity: true)
                    }
                }
                index += 1
                byteAvailable = true
            }
        }
    }

    /// The longest match (longer than `previousLength`) for the text at
    /// `position`, walking at most `chain` entries of the hash chain.
    private func findMatch(at position: Int, head: Int, previousLength: Int, lookahead: Int) -> (length: Int, offset: Int)? {
        let minMatchLook = min(GoDeflater.maxMatchLength, lookahead)
        let nice = min(minMatchLook, GoDeflater.nice)
        var tries = GoDeflater.chain
        var length = previousLength
        if length >= GoDeflater.good { tries >>= 2 }
        var found: (Int, Int)?
        return window.withUnsafeBufferPointer { window in
            var endByte = window[position + length]
            let minIndex = position - GoDeflater.windowSize
            var candidate = head
            while tries > 0 {
                if endByte == window[candidate + length] {
                    var matched = 0
                    while matched < minMatchLook && window[candidate + matched] == window[position + matched] { matched += 1 }
                    if matched > length && (matched > GoDeflater.minMatchLength || position - candidate <= 4096) {
                        length = matched
                        found = (matched, position - candidate)
                        if matched >= nice { break }
                        endByte = window[position + matched]
                    }
                }
                if candidate == minIndex { break }
                candidate = Int(hashPrev[candidate & GoDeflater.windowMask]) - hashOffset
                if candidate < minIndex || candidate < 0 { break }
                tries -= 1
            }
            return found
        }
    }
}

/// A DEFLATE token: a literal byte (or the end-of-block marker) or a
/// match of `length` bytes `offset` back.
enum GoToken {
    case literal(UInt16)
    case match(length: Int, offset: Int)

    static func literal(_ byte: UInt8) -> GoToken { .literal(UInt16(byte)) }
}
