import Foundation
import ZIPFoundation

/// A PNG of palette pixels (colour type 3, 8 bits). The charts' pictures are deflated
/// (zlib, through ZIPFoundation) as their rows are drawn, one row at a time: a roadmap of
/// 100 projects is 3.5 MB of pixels, which were held three times over while a document was
/// written; now a row and the compressed picture (some kilobytes) are.
public enum PNGWriter {
    /// Writes row `row`'s palette indices into `pixels` (`width` of them).
    typealias RowFiller = (_ row: Int, _ pixels: inout [UInt8]) -> Void

    /// `palette` as "RRGGBB"; `pixels` row by row, each an index into the palette.
    public static func indexed(width: Int, height: Int, palette: [String], pixels: [UInt8]) -> Data {
        precondition(pixels.count == width * height && palette.count <= 256)
        return png(width: width, height: height, palette: palette) { row, out in
            out.replaceSubrange(0..., with: pixels[(row * width)..<((row + 1) * width)])
        }
    }

    /// Filled rectangles (x, y, width, height, "RRGGBB") on a white picture, clipped to it:
    /// the charts' PNG fallbacks.
    public static func rectangles(
        width: Int, height: Int, _ rects: [(x: Int, y: Int, width: Int, height: Int, colour: String)]
    ) -> Data {
        var palette = ["FFFFFF"]
        var bars: [(rows: Range<Int>, columns: Range<Int>, index: UInt8)] = []
        for rect in rects {
            if !palette.contains(rect.colour) && palette.count < 256 { palette.append(rect.colour) }
            let top = min(height, max(0, rect.y))
            let left = min(width, max(0, rect.x))
            let rows = top..<max(top, min(height, rect.y + rect.height))
            let columns = left..<max(left, min(width, rect.x + rect.width))
            guard !rows.isEmpty, !columns.isEmpty else { continue }
            bars.append((rows, columns, UInt8(palette.firstIndex(of: rect.colour) ?? 0)))
        }
        return png(width: width, height: height, palette: palette) { row, pixels in
            pixels.withUnsafeMutableBufferPointer { pixels in
                pixels.update(repeating: 0)
                for bar in bars where bar.rows.contains(row) {
                    for column in bar.columns { pixels[column] = bar.index }
                }
            }
        }
    }

    static func png(width: Int, height: Int, palette: [String], _ fill: RowFiller) -> Data {
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
        // zlib fails only without memory; the stored blocks need none beyond the picture.
        let image =
            (try? zlibDeflated(rows: height, width: width, fill)) ?? zlibStored(rows: height, width: width, fill)
        png.append(chunk: "IDAT", image)
        png.append(chunk: "IEND", Data())
        return png
    }

    /// The image data as a zlib stream: deflated by zlib (raw deflate from ZIPFoundation,
    /// with zlib's header and Adler-32 around it), each row its filter type (0, none) and its
    /// pixels, drawn when the compressor asks for it.
    static func zlibDeflated(rows: Int, width: Int, _ fill: RowFiller) throws -> Data {
        let rowBytes = width + 1
        let total = rows * rowBytes
        var out = Data([0x78, 0x9C])
        var adler = Adler32()
        var pixels = [UInt8](repeating: 0, count: width)
        var current = -1
        _ = try Data.compress(
            size: Int64(total), bufferSize: 64 * 1024,
            provider: { position, size in
                var chunk = [UInt8]()
                chunk.reserveCapacity(size)
                var at = Int(position)
                while chunk.count < size {
                    let row = at / rowBytes
                    let offset = at % rowBytes
                    if row != current {
                        fill(row, &pixels)
                        current = row
                    }
                    if offset == 0 {
                        chunk.append(0)
                        at += 1
                        continue
                    }
                    let run = min(size - chunk.count, rowBytes - offset)
                    chunk.append(contentsOf: pixels[(offset - 1)..<(offset - 1 + run)])
                    at += run
                }
                adler.update(chunk)
                return Data(chunk)
            }, consumer: { out.append($0) })
        out.append(bigEndian: adler.value)
        return out
    }

    /// Adler-32, zlib's checksum of the uncompressed bytes, reduced as zlib does: at most
    /// every 5,552 bytes, before the sums can overflow.
    struct Adler32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var value: UInt32 { (b % 65_521) << 16 | (a % 65_521) }

        mutating func update(_ bytes: [UInt8]) {
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 5_552)
                for i in start..<end {
                    a &+= UInt32(bytes[i])
                    b &+= a
                }
                a %= 65_521
                b %= 65_521
                start = end
            }
        }
    }

    /// The image data as a zlib stream of stored (uncompressed) deflate blocks with its
    /// Adler-32, each row its filter type (0, none) and its pixels: what is written should
    /// zlib fail.
    static func zlibStored(rows: Int, width: Int, _ fill: RowFiller) -> Data {
        let total = rows * (width + 1)
        var out = Data(capacity: 2 + total + 5 * (total / 65_535 + 1) + 4)
        out.append(contentsOf: [0x78, 0x01])
        var adler = Adler32()
        var written = 0
        var blockLeft = 0
        func startBlockIfNeeded() {
            guard blockLeft == 0 else { return }
            let length = min(65_535, total - written)
            let final: UInt8 = written + length == total ? 1 : 0
            out.append(contentsOf: [
                final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF),
            ])
            blockLeft = length
        }
        var line = [UInt8](repeating: 0, count: width + 1)
        var pixels = [UInt8](repeating: 0, count: width)
        for row in 0..<rows {
            fill(row, &pixels)
            line.replaceSubrange(1..., with: pixels)
            adler.update(line)
            var column = 0
            while column < line.count {
                startBlockIfNeeded()
                let run = min(blockLeft, line.count - column)
                out.append(contentsOf: line[column..<(column + run)])
                column += run
                written += run
                blockLeft -= run
            }
        }
        if total == 0 { out.append(contentsOf: [1, 0, 0, 0xFF, 0xFF]) }
        out.append(bigEndian: adler.value)
        return out
    }

    /// The same from pixels row by row.
    static func zlibStored(rows: Int, width: Int, _ pixels: [UInt8]) -> Data {
        zlibStored(rows: rows, width: width) { row, out in
            out.replaceSubrange(0..., with: pixels[(row * width)..<((row + 1) * width)])
        }
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
        append(contentsOf: [
            UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF),
        ])
    }

    mutating func append(chunk type: String, _ body: Data) {
        append(bigEndian: UInt32(body.count))
        let typeBytes = Data(type.utf8)
        append(typeBytes)
        append(body)
        append(bigEndian: PNGWriter.crc32(continuing: PNGWriter.crc32(typeBytes), body))
    }
}
