import Foundation

/// A PNG of palette pixels (colour type 3, 8 bits), the image data in stored deflate
/// blocks: no compressor needed, and the document's ZIP container compresses it anyway.
public enum PNGWriter {
    /// `palette` as "RRGGBB"; `pixels` row by row, each an index into the palette.
    public static func indexed(width: Int, height: Int, palette: [String], pixels: [UInt8]) -> Data {
        precondition(pixels.count == width * height && palette.count <= 256)
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.append(bigEndian: UInt32(width))
        header.append(bigEndian: UInt32(height))
        header.append(contentsOf: [8, 3, 0, 0, 0])
        png.append(chunk: "IHDR", header)
        var colours = Data()
        for hex in palette {
            let value = UInt32(hex, radix: 16) ?? 0
            colours.append(contentsOf: [UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
        }
        png.append(chunk: "PLTE", colours)
        png.append(chunk: "IDAT", zlibStored(rows: height, width: width, pixels))
        png.append(chunk: "IEND", Data())
        return png
    }

    /// Filled rectangles (x, y, width, height, "RRGGBB") on a white picture, clipped to it:
    /// the charts' PNG fallbacks.
    public static func rectangles(width: Int, height: Int, _ rects: [(x: Int, y: Int, width: Int, height: Int, colour: String)]) -> Data {
        var palette = ["FFFFFF"]
        var pixels = [UInt8](repeating: 0, count: width * height)
        for rect in rects {
            if !palette.contains(rect.colour) && palette.count < 256 { palette.append(rect.colour) }
            let index = UInt8(palette.firstIndex(of: rect.colour) ?? 0)
            for row in max(0, rect.y)..<min(height, rect.y + rect.height) {
                for column in max(0, rect.x)..<min(width, rect.x + rect.width) { pixels[row * width + column] = index }
            }
        }
        return indexed(width: width, height: height, palette: palette, pixels: pixels)
    }

    /// The image data as a zlib stream of stored (uncompressed) deflate blocks with its
    /// Adler-32: each row is its filter type (0, none) and its pixels, written straight into
    /// the one buffer (a roadmap of 100 projects is some 4 MB of pixels; no copies of it).
    static func zlibStored(rows: Int, width: Int, _ pixels: [UInt8]) -> Data {
        let total = rows * (width + 1)
        var out = Data(capacity: 2 + total + 5 * (total / 65_535 + 1) + 4)
        out.append(contentsOf: [0x78, 0x01])
        var a: UInt32 = 1, b: UInt32 = 0, sinceReduction = 0
        func checksum(_ byte: UInt8) {
            a &+= UInt32(byte)
            b &+= a
            sinceReduction += 1
            if sinceReduction == 5_552 {
                a %= 65_521
                b %= 65_521
                sinceReduction = 0
            }
        }
        var written = 0
        var blockLeft = 0
        func startBlockIfNeeded() {
            guard blockLeft == 0 else { return }
            let length = min(65_535, total - written)
            let final: UInt8 = written + length == total ? 1 : 0
            out.append(contentsOf: [final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)])
            blockLeft = length
        }
        pixels.withUnsafeBufferPointer { pixels in
            for row in 0..<rows {
                startBlockIfNeeded()
                out.append(0)
                checksum(0)
                written += 1
                blockLeft -= 1
                var column = 0
                while column < width {
                    startBlockIfNeeded()
                    let run = min(blockLeft, width - column)
                    let slice = UnsafeBufferPointer(rebasing: pixels[(row * width + column)..<(row * width + column + run)])
                    out.append(slice)
                    for byte in slice { checksum(byte) }
                    column += run
                    written += run
                    blockLeft -= run
                }
            }
        }
        if total == 0 { out.append(contentsOf: [1, 0, 0, 0xFF, 0xFF]) }
        a %= 65_521
        b %= 65_521
        out.append(bigEndian: b << 16 | a)
        return out
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func crc32(_ data: Data) -> UInt32 {
        crc32(continuing: 0, data)
    }

    /// The CRC-32 of what `crc` was the CRC of, followed by `data`.
    static func crc32(continuing crc: UInt32, _ data: Data) -> UInt32 {
        var c = crc ^ 0xFFFF_FFFF
        // Through the bytes' buffer: Data's own iterator costs a call a byte.
        crcTable.withUnsafeBufferPointer { table in
            data.withUnsafeBytes { bytes in
                for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
            }
        }
        return c ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func append(bigEndian value: UInt32) {
        append(contentsOf: [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    mutating func append(chunk type: String, _ body: Data) {
        append(bigEndian: UInt32(body.count))
        let typeBytes = Data(type.utf8)
        append(typeBytes)
        append(body)
        append(bigEndian: PNGWriter.crc32(continuing: PNGWriter.crc32(typeBytes), body))
    }
}
