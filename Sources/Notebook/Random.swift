/// A small deterministic random generator (SplitMix64), seeded from text so that sampled
/// values depend only on (note, name, seed).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator seeded by the FNV-1a hash of the parts and a seed.
    init(_ parts: [String], seed: UInt64) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0xFF
            hash = hash &* 0x100_0000_01b3
        }
        state = hash ^ seed
    }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double uniform in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) / Double(1 << 53)
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }
}

/// Values for leaves nothing binds: readable (two decimals, in (0, 1]) and deterministic.
enum Sampler {
    static func value(path: String, name: String, seed: UInt64) -> Double {
        var generator = SplitMix64([path, name], seed: seed)
        return Double(1 + generator.next() % 100) / 100
    }
}
