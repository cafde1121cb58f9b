import TestSupport

/// The diagrams of the examples used by several tests (in TestSupport, shared with ReportTests,
/// which draws them into golden files).
typealias Examples = DiagramExamples
