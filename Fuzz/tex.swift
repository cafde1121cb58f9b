// libFuzzer harness (b): the TeX parser and the MathML writer (TeX: Formula.parse, MathML).
// Built and run by scripts/fuzz tex; see docs/fuzzing.md.
import TeX

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTeX(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let tex = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let formula = Formula.parse(tex)
    _ = MathML.render(formula, display: .inline)
    _ = MathML.render(formula, display: .block)
    return 0
}
