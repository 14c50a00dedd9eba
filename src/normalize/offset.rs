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
    /// ([`StageEdits::map_span`] answers it with the span's start; this is its reference.)
    #[cfg(test)]
    fn map_end(&self, pos: usize) -> usize {
        let i = self.edits.partition_point(|e| e.out.start < pos);
        match i.checked_sub(1).map(|i| &self.edits[i]) {
            None => pos,
            Some(e) if pos <= e.out.end => e.input.end,
            Some(e) => e.input.end + (pos - e.out.end),
        }
    }

    /// [`StageEdits::map_start`] and [`StageEdits::map_end`] of a span `start..end` (`start <=
    /// end`) at once: the edits that start before `end` are found on from those that start at
    /// or before `start`, by steps that double, rather than by a second search of them all (a
    /// span is short, and few edits, if any, start within it).
    fn map_span(&self, start: usize, end: usize) -> (usize, usize) {
        let edits = &self.edits;
        let i = edits.partition_point(|e| e.out.start <= start);
        let mapped_start = match i.checked_sub(1).map(|i| &edits[i]) {
            None => start,
            Some(e) if start < e.out.end => e.input.start,
            Some(e) => e.input.end + (start - e.out.end),
        };
        // The edits before `i` start at or before `start`, so before `end` too, except those
        // that start at `end` itself (where `end` is `start`).
        let mut j = i;
        while j > 0 && edits[j - 1].out.start >= end {
            j -= 1;
        }
        // Those from `j` on that start before `end`: a stride that doubles finds a bound, and a
        // search within it the first that does not.
        let mut step = 1;
        while j + step <= edits.len() && edits[j + step - 1].out.start < end {
            j += step;
            step *= 2;
        }
        let bound = (j + step).min(edits.len() + 1) - 1;
        let k = j + edits[j..bound].partition_point(|e| e.out.start < end);
        let mapped_end = match k.checked_sub(1).map(|k| &edits[k]) {
            None => end,
            Some(e) if end <= e.out.end => e.input.end,
            Some(e) => e.input.end + (end - e.out.end),
        };
        (mapped_start, mapped_end)
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
            let (s, e) = if span.start == span.end {
                let s = stage.map_start(start);
                (s, s)
            } else {
                stage.map_span(start, end)
            };
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

    /// [`StageEdits::map_span`] maps a span's ends as [`StageEdits::map_start`] and
    /// [`StageEdits::map_end`] do, on edits of every kind that a small generator draws.
    #[test]
    fn map_span_maps_as_start_and_end_do() {
        let mut state: u32 = 5;
        let mut draw = |n: u32| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 16) % n
        };
        for _ in 0..300 {
            let mut stage = StageEdits::new();
            let (mut out, mut input) = (0, 0);
            for _ in 0..draw(40) {
                // (A gap of unchanged bytes, maybe none, then a replacement, an insertion or a
                // deletion.)
                let gap = draw(4) as usize;
                let (o, i) = (draw(3) as usize, draw(4) as usize);
                if o == 0 && i == 0 {
                    continue;
                }
                stage.push(out + gap..out + gap + o, input + gap..input + gap + i);
                (out, input) = (out + gap + o, input + gap + i);
            }
            for start in 0..out + 3 {
                for end in 0..out + 3 {
                    assert_eq!(stage.map_span(start, end), (stage.map_start(start), stage.map_end(end)), "{stage:?} {start}..{end}");
                }
            }
        }
    }

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
