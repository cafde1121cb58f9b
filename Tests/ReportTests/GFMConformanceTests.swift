import Document
import Report
import TestSupport
import Testing

/// The GFM spec as the test of the Markdown part: for every example without `$`, our HTML must
/// equal libcmark-gfm's own renderer byte for byte (safe and unsafe mode); how many examples
/// match the spec's expected HTML is printed for information.
@Suite struct GFMConformanceTests {
    static let files = [
        "gfm-spec/swiftlang-swift-cmark/spec.txt", "gfm-spec/swiftlang-swift-cmark/extensions.txt",
        "gfm-spec/swiftlang-swift-cmark/regression.txt", "gfm-spec/github-cmark-gfm/spec.txt",
        "gfm-spec/github-cmark-gfm/extensions.txt", "gfm-spec/github-cmark-gfm/regression.txt",
    ]

    @Test(arguments: files)
    func htmlEqualsCmarkGFMForEveryExampleWithoutMath(file: String) {
        let examples = SpecExample.load(file)
        #expect(!examples.isEmpty, "no examples read from \(file)")
        var compared = 0
        var matchingSpec = 0
        var withoutMath = 0
        for example in examples where !example.input.contains("$") {
            withoutMath += 1
            let document = MarkdownParser.parse(example.input)
            for unsafe in [false, true] {
                let ours = HTMLWriter(unsafe: unsafe).render(document)
                let reference = CmarkReference.html(example.input, unsafe: unsafe)
                compared += 1
                #expect(ours == reference, "\(example), unsafe: \(unsafe)\n--- markdown\n\(example.input)")
                if unsafe, !example.tags.contains("disabled"), ours == example.expected { matchingSpec += 1 }
            }
        }
        print("GFM conformance \(file): \(withoutMath) examples without $ (of \(examples.count)); "
              + "\(compared) renderings compared with libcmark-gfm; "
              + "\(matchingSpec)/\(withoutMath) match the spec's expected HTML")
    }
}
