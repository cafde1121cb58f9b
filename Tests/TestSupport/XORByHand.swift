import Foundation

/// The XOR training of `notes/12-learning-xor.md` written out by hand, without Derive's engine:
/// the 2-2-1 sigmoid network (two hidden units sharing the bias b₁), forward pass, backward pass
/// and the update of the eight parameters, the loss the mean over the four rows of ½(a − y)².
/// The learning cycle's test compares Derive's run with it, and `cycle-bench` times both.
public enum XORByHand {
    /// The parameters after `steps` steps from `start` (w₁ … w₆, b₁, b₂) at learning rate
    /// `rate`, and the loss at the last step.
    public static func train(parameters start: [Double], rate: Double, steps: Int) -> (loss: Double, parameters: [Double]) {
        func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        let rows: [(Double, Double, Double)] = [(0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)]
        var p = start
        var loss = 0.0
        for step in 0...steps {
            var g = [Double](repeating: 0, count: 8)
            loss = 0
            for (x1, x2, y) in rows {
                let h1 = sigmoid(x1 * p[0] + x2 * p[1] + p[6])
                let h2 = sigmoid(x1 * p[2] + x2 * p[3] + p[6])
                let a = sigmoid(h1 * p[4] + h2 * p[5] + p[7])
                loss += 0.5 * (a - y) * (a - y) / 4
                let d3 = (a - y) * a * (1 - a) / 4
                let d1 = d3 * p[4] * h1 * (1 - h1)
                let d2 = d3 * p[5] * h2 * (1 - h2)
                g[0] += d1 * x1; g[1] += d1 * x2; g[2] += d2 * x1; g[3] += d2 * x2
                g[4] += d3 * h1; g[5] += d3 * h2; g[6] += d1 + d2; g[7] += d3
            }
            if step == steps { break }
            for k in 0..<8 { p[k] -= rate * g[k] }
        }
        return (loss, p)
    }
}
