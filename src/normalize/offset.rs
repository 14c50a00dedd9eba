//! How normalization moved text around, so spans can be mapped back exactly.
//!
//! Each normalization stage turns its input into an output and records an [`Edit`] wherever the
//! two differ in byte length: the output bytes `out` replaced the input bytes `input`. Between
//! edits the texts correspond byte for byte (a substitution of equal byte length, such as most
//! traditional→simplified characters, needs no edit at all). An [`OffsetMap`] chains the stages,
//! so an offset in the final normalized text maps back through every stage to the original.

use std::ops::Range;

/// One edit of one stage: output bytes `out` replaced input bytes `input`.
///
/// A deletion has an empty `out`; an insertion an empty `input`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The range in the stage's output.
    pub out: Range<usize>,
    /// The range in the stage's input.
    pub input: Range<usize>,
}

/// The edits of one stage, in order, not overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StageEdits {
    edits: Vec<Edit>,
}

impl StageEdits {
    /// No edits: the output is the input.
    pub fn new() -> Self {
        StageEdits::default()
    }

    /// Record that output bytes `out` replaced input bytes `input`. Edits are pushed in order.
    pub fn push(&mut self, out: Range<usize>, input: Range<usize>) {
        debug_assert!(self.edits.last().is_none_or(|e| e.out.end <= out.start && e.input.end <= input.start));
        self.edits.push(Edit { out, input });
    }

    /// Whether the stage changed no byte offsets.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The edits, in order.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Map an output offset at which a span starts to the input. An offset inside a replaced
    /// run snaps to the run's start; an offset just after a deletion lands after the deleted
    /// bytes.
    fn map_start(&self, pos: usize) -> usize {
        let i = self.edits.partition_point(|e| e.out.start <= pos);
        match i.checked_sub(1).map(|i| &self.edits[i]) {
            None => pos,
            Some(e) if pos < e.out.end => e.input.start,
            Some(e) => e.input.end + (pos - e.out.end),
        }
    }

    /// Map an output offset at which a span ends (exclusive) to the input. An offset inside a
    /// replaced run snaps to the run's end; an offset just before a deletion stays before it.
    fn map_end(&self, pos: usize) -> usize {
        let i = self.edits.partition_point(|e| e.out.start < pos);
        match i.checked_sub(1).map(|i| &self.edits[i]) {
            None => pos,
            Some(e) if pos <= e.out.end => e.input.end,
            Some(e) => e.input.end + (pos - e.out.end),
        }
    }

    /// Map an input offset forward to the output (the inverse direction, for locating original
    /// positions, such as chrome lines found before normalization, in the normalized text).
    fn map_forward(&self, pos: usize) -> usize {
        let i = self.edits.partition_point(|e| e.input.start <= pos);
        match i.checked_sub(1).map(|i| &self.edits[i]) {
            None => pos,
            Some(e) if pos < e.input.end => e.out.start,
            Some(e) => e.out.end + (pos - e.input.end),
        }
    }
}

/// Maps byte offsets of normalized text back to the original text, through every stage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Stages in the order they ran; empty stages are not kept.
    stages: Vec<StageEdits>,
}

impl OffsetMap {
    /// The identity map.
    pub fn identity() -> Self {
        OffsetMap::default()
    }

    /// Append the edits of the next stage.
    pub fn push_stage(&mut self, stage: StageEdits) {
        if !stage.is_empty() {
            self.stages.push(stage);
        }
    }

    /// Insert the edits of a stage that ran before all the others (such as HTML to text).
    pub fn prepend_stage(&mut self, stage: StageEdits) {
        if !stage.is_empty() {
            self.stages.insert(0, stage);
        }
    }

    /// Whether normalization kept every byte offset.
    pub fn is_identity(&self) -> bool {
        self.stages.is_empty()
    }

    /// The stages' edits, in the order the stages ran.
    pub fn stages(&self) -> &[StageEdits] {
        &self.stages
    }

    /// Map a span of the normalized text to the smallest span of the original text that
    /// produced it.
    pub fn to_original(&self, span: Range<usize>) -> Range<usize> {
        let (mut start, mut end) = (span.start, span.end);
        for stage in self.stages.iter().rev() {
            let s = stage.map_start(start);
            let e = if span.start == span.end { s } else { stage.map_end(end) };
            start = s;
            end = e.max(s);
        }
        start..end
    }

    /// Map one offset of the normalized text (as a span start) to the original.
    pub fn offset_to_original(&self, pos: usize) -> usize {
        self.stages.iter().rev().fold(pos, |p, s| s.map_start(p))
    }

    /// Map an offset of the original text to the normalized text.
    pub fn offset_to_normalized(&self, pos: usize) -> usize {
        self.stages.iter().fold(pos, |p, s| s.map_forward(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_between_characters() {
        // original "召開(kāi)會" (stage input), output "召開會": the pinyin was deleted.
        let input = "召開(kāi)會";
        let out = "召開會";
        let del_at = "召開".len();
        let mut st = StageEdits::new();
        st.push(del_at..del_at, del_at..del_at + "(kāi)".len());
        let mut map = OffsetMap::identity();
        map.push_stage(st);
        // the whole output maps to the whole input
        assert_eq!(map.to_original(0..out.len()), 0..input.len());
        // "召開" ends before the pinyin
        assert_eq!(&input[map.to_original(0..del_at)], "召開");
        // "會" starts after it
        assert_eq!(&input[map.to_original(del_at..out.len())], "會");
    }

    #[test]
    fn replacement_of_different_length() {
        // "１２%" → "12%": each full-width digit (3 bytes) became 1 byte.
        let input = "１２%";
        let mut st = StageEdits::new();
        st.push(0..1, 0..3);
        st.push(1..2, 3..6);
        let mut map = OffsetMap::identity();
        map.push_stage(st);
        assert_eq!(&input[map.to_original(0..3)], "１２%");
        assert_eq!(&input[map.to_original(1..2)], "２");
        assert_eq!(&input[map.to_original(2..3)], "%");
        assert_eq!(map.offset_to_normalized(6), 2);
    }

    #[test]
    fn two_stages_compose() {
        // stage 1 deletes "(x)" at 3; stage 2 turns a 3-byte char at 0 into 1 byte.
        let original = "ａ(x)b";
        let mut s1 = StageEdits::new();
        s1.push(3..3, 3..6); // "ａb"
        let mut s2 = StageEdits::new();
        s2.push(0..1, 0..3); // "ab"
        let mut map = OffsetMap::identity();
        map.push_stage(s1);
        map.push_stage(s2);
        assert_eq!(&original[map.to_original(0..1)], "ａ");
        assert_eq!(&original[map.to_original(1..2)], "b");
        assert_eq!(&original[map.to_original(0..2)], "ａ(x)b");
    }
}
