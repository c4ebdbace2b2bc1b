//! The statistics of a measurement: median, spread and geometric mean.
//!
//! Fed by the raw per-process figures of `results.rs`; feeds the summaries
//! in the tables, the JSON and the chart. Spread is the *median absolute
//! deviation* (MAD: the median of |x − median|), reported next to min and
//! max and, relative to the median, as the `±` in the Markdown table. MAD
//! rather than the standard deviation because a benchmark's time
//! distribution is skewed (machine noise only ever adds time) and one
//! outlier among five runs should not dominate the figure; MAD rather than
//! the IQR because with 3–5 runs the quartiles are barely defined.

use serde::Serialize;

/// The median of `values`; the mean of the middle two for an even count.
/// `None` for no values. NaNs are not expected (all inputs are times).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 1 { v[mid] } else { (v[mid - 1] + v[mid]) / 2.0 })
}

/// The median absolute deviation: the median of |x − median(x)|.
pub fn median_absolute_deviation(values: &[f64]) -> Option<f64> {
    let m = median(values)?;
    let deviations: Vec<f64> = values.iter().map(|x| (x - m).abs()).collect();
    median(&deviations)
}

/// The geometric mean of positive `values` (ratios); `None` for no values
/// or a value that is not positive and finite.
pub fn geometric_mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite() || *v <= 0.0) {
        return None;
    }
    let log_sum: f64 = values.iter().map(|v| v.ln()).sum();
    Some((log_sum / values.len() as f64).exp())
}

/// Median and spread of one figure over the runs of a (benchmark, config).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spread {
    /// Median over the runs.
    pub median: f64,
    /// Smallest run.
    pub min: f64,
    /// Largest run.
    pub max: f64,
    /// Median absolute deviation, in the unit of the figure.
    pub mad: f64,
    /// `mad / median` (0 when the median is 0).
    pub relative_mad: f64,
    /// How many runs the figure is over.
    pub count: usize,
}

impl Spread {
    /// The spread of `values`; `None` when there are none.
    pub fn of(values: &[f64]) -> Option<Spread> {
        let median = median(values)?;
        let mad = median_absolute_deviation(values)?;
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let relative_mad = if median > 0.0 { mad / median } else { 0.0 };
        Some(Spread { median, min, max, mad, relative_mad, count: values.len() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }

    #[test]
    fn mad_ignores_one_outlier() {
        // Deviations from the median 10: 0, 1, 1, 0, 90 -> median 1.
        let v = [10.0, 9.0, 11.0, 10.0, 100.0];
        assert_eq!(median_absolute_deviation(&v), Some(1.0));
        let s = Spread::of(&v).expect("values");
        assert_eq!((s.median, s.min, s.max, s.count), (10.0, 9.0, 100.0, 5));
        assert!(close(s.relative_mad, 0.1));
    }

    #[test]
    fn spread_of_equal_values_and_zero_median() {
        let s = Spread::of(&[2.0, 2.0]).expect("values");
        assert_eq!((s.mad, s.relative_mad), (0.0, 0.0));
        let s = Spread::of(&[0.0]).expect("values");
        assert_eq!(s.relative_mad, 0.0);
        assert_eq!(Spread::of(&[]), None);
    }

    #[test]
    fn geometric_mean_of_ratios() {
        assert!(close(geometric_mean(&[2.0, 8.0]).expect("positive"), 4.0));
        assert!(close(geometric_mean(&[0.5, 2.0]).expect("positive"), 1.0));
        assert!(close(geometric_mean(&[3.0]).expect("positive"), 3.0));
        assert_eq!(geometric_mean(&[]), None);
        assert_eq!(geometric_mean(&[1.0, 0.0]), None);
        assert_eq!(geometric_mean(&[1.0, f64::NAN]), None);
    }
}
