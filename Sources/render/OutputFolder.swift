import Foundation

/// The folder pages are written into. A file whose content is already what it would be is
/// left alone (its modification time too, so `make`, `rsync` and web caches see no change);
/// every other write goes to a temporary file in the target folder and is then renamed over
/// the target, so a reader never sees a half-written page. Every target path is built from the
/// note's path relative to its folder, so nothing is ever written outside the output folder.
struct OutputFolder: Sendable {
    let root: String
    /// Where a run's changed files wait until `commit()` moves them into place (see
    /// OutputStaging.swift); nil: each file is written in place at once.
    var staging: String? = nil

    /// `output/sub/a.html` for a note `sub/a.md`.
    static func pagePath(for relativeNotePath: String, in root: String, extension ext: String = "html") -> String {
        NoteDiscovery.join(root, relativePage(for: relativeNotePath, extension: ext))
    }

    /// `sub/a.html` for `sub/a.md`.
    static func relativePage(for relativeNotePath: String, extension ext: String = "html") -> String {
        var base = relativeNotePath
        if NoteDiscovery.isMarkdown(base) { base.removeLast(3) }
        return base + "." + ext
    }

    /// Writes `bytes` to `relativePath` inside the folder, creating folders as needed.
    func write(_ bytes: [UInt8], to relativePath: String) throws(RenderError) {
        try write(parts: [bytes], to: relativePath)
    }

    /// Writes the concatenation of `parts` to `relativePath` inside the folder, creating
    /// folders as needed.
    func write(parts: [[UInt8]], to relativePath: String) throws(RenderError) {
        let components = relativePath.split(separator: "/").map(String.init)
        guard !components.isEmpty, !components.contains(where: { $0 == ".." || $0 == "." }) else {
            throw .unwritable(path: relativePath, reason: "not a path inside the output folder")
        }
        let folder = components.count == 1 ? root : NoteDiscovery.join(root, components.dropLast().joined(separator: "/"))
        let target = NoteDiscovery.join(folder, components[components.count - 1])
        if Self.holds(parts, at: target) { return }
        if let staging {
            try Self.writeStaged(parts, to: NoteDiscovery.join(staging, relativePath))
            return
        }
        let temporary = NoteDiscovery.join(folder, ".\(components[components.count - 1]).\(getpid()).tmp")
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0, errno == ENOENT {
            // The folder is new: make it (and its parents), then try again.
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .unwritable(path: folder, reason: Self.reason(error))
            }
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else { throw .unwritable(path: target, reason: String(cString: strerror(errno))) }
        let ok = Self.writeAll(parts, to: descriptor)
        let writeError = ok ? nil : String(cString: strerror(errno))
        close(descriptor)
        if let writeError {
            unlink(temporary)
            throw .unwritable(path: target, reason: writeError)
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .unwritable(path: target, reason: reason)
        }
    }

    /// Writes the concatenation of `parts` to the open file `descriptor`, up to `maximumVectors`
    /// parts a system call; false on an error (in `errno`).
    static func writeAll(_ parts: [[UInt8]], to descriptor: Int32) -> Bool {
        var next = 0  // the first part not yet written whole
        var offset = 0  // how much of it is written
        while next < parts.count {
            let batch = next..<min(parts.count, next + Self.maximumVectors)
            let count = withBuffers(of: parts[batch]) { buffers -> Int in
                var vectors = buffers.enumerated().map { index, buffer in
                    let skip = index == 0 ? offset : 0
                    return iovec(iov_base: buffer.baseAddress.map { UnsafeMutableRawPointer(mutating: $0 + skip) },
                                 iov_len: buffer.count - skip)
                }
                return vectors.withUnsafeMutableBufferPointer { writev(descriptor, $0.baseAddress, Int32($0.count)) }
            }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            // Step past what was written: whole parts, then part of one.
            var left = count
            while next < parts.count, left >= parts[next].count - offset {
                left -= parts[next].count - offset
                next += 1
                offset = 0
            }
            offset += left
        }
        return true
    }

    /// How many buffers one `writev` takes (Linux's `UIO_MAXIOV`, POSIX's `IOV_MAX`).
    private static let maximumVectors = 1024

    /// Calls `body` with the bytes of every part, each kept alive for the call.
    private static func withBuffers<R>(of parts: ArraySlice<[UInt8]>, _ body: ([UnsafeRawBufferPointer]) -> R) -> R {
        func collect(_ index: Int, _ buffers: inout [UnsafeRawBufferPointer]) -> R {
            guard index < parts.endIndex else { return body(buffers) }
            return parts[index].withUnsafeBytes { buffer in
                buffers.append(buffer)
                return collect(index + 1, &buffers)
            }
        }
        var buffers: [UnsafeRawBufferPointer] = []
        buffers.reserveCapacity(parts.count)
        return collect(parts.startIndex, &buffers)
    }

    /// Whether the regular file at `path` holds exactly the concatenation of `parts`. Read and
    /// compared a chunk at a time: a buffer as large as the file (report.json is megabytes)
    /// would cost the kernel a page fault per 4 KiB.
    private static func holds(_ parts: [[UInt8]], at path: String) -> Bool {
        let size = parts.reduce(0) { $0 + $1.count }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == size else {
            return false
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var chunk = [UInt8](repeating: 0, count: min(size + 1, 1 << 16))
        var part = 0  // the part the next byte read is compared with
        var offset = 0  // how far into it
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return false }
            if count == 0 { break }
            var compared = 0
            while compared < count {
                while part < parts.count, offset == parts[part].count { part += 1; offset = 0 }
                // More bytes than expected: the file grew since it was stat'ed.
                guard part < parts.count else { return false }
                let length = min(count - compared, parts[part].count - offset)
                let same = chunk.withUnsafeBytes { old in
                    parts[part].withUnsafeBytes { new in
                        memcmp(old.baseAddress! + compared, new.baseAddress! + offset, length) == 0
                    }
                }
                guard same else { return false }
                compared += length
                offset += length
            }
        }
        while part < parts.count, offset == parts[part].count { part += 1; offset = 0 }
        return part == parts.count
    }

    /// Writes a file the user named (e.g. `--junit FILE`), atomically.
    static func writeFile(_ bytes: [UInt8], at path: String) throws(RenderError) {
        let folder = (path as NSString).deletingLastPathComponent
        let output = OutputFolder(root: folder.isEmpty ? "." : folder)
        try output.write(bytes, to: (path as NSString).lastPathComponent)
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
