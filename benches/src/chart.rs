//! `chart.svg`: one SVG with two parts, drawn with plotters' SVG backend.
//!
//! ```text
//! ┌───────────────────────────────────────────────┬─────────┐
//! │ ratio to the reference, log y, a line at 1.0: │ legend: │
//! │ one group of bars per benchmark (+ geomean),  │ colour  │
//! │ one bar per configuration                     │ per     │
//! ├───────────┬───────────┬───────────┬───────────┤ config  │
//! │ warm-up:  │ one panel │ per       │ benchmark │         │
//! │ x = iteration, y = median iteration time (ms, log),     │
//! │ one line per configuration                              │
//! └─────────────────────────────────────────────────────────┘
//! ```
//!
//! Reads only a [`Report`]. Bars grow from the 1.0 line, up for slower
//! than the reference and down for faster; the reference itself has no
//! bar. A configuration keeps its colour across runs (the colour follows
//! its row in the configuration table).

use std::path::Path;

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{AsRangedCoord, DefaultFormatting, KeyPointHint};
use plotters::prelude::*;

use crate::config::CONFIGS;
use crate::results::Report;

/// Width of the picture, px.
const WIDTH: u32 = 1400;
/// Height of the ratio part, px.
const RATIO_HEIGHT: u32 = 520;
/// Height of one row of warm-up panels, px.
const PANEL_HEIGHT: u32 = 280;
/// Warm-up panels per row.
const PANEL_COLUMNS: usize = 4;
/// Width of the legend column, px.
const LEGEND_WIDTH: u32 = 220;
/// Every chart's font.
const FONT: &str = "sans-serif";

/// One colour per row of [`CONFIGS`]: Strata blues, V8 reds, JSC greens.
const COLOURS: &[RGBColor] = &[
    RGBColor(31, 119, 180),  // strata-interp
    RGBColor(107, 174, 214), // strata-baseline
    RGBColor(23, 190, 207),  // strata-opt
    RGBColor(8, 48, 107),    // strata
    RGBColor(214, 39, 40),   // node
    RGBColor(255, 152, 150), // node-jitless
    RGBColor(227, 119, 194), // node-sparkplug
    RGBColor(44, 160, 44),   // jsc
    RGBColor(152, 223, 138), // jsc-nojit
    RGBColor(188, 189, 34),  // jsc-baseline
    RGBColor(140, 86, 75),   // jsc-dfg
    RGBColor(148, 103, 189), // qjs
    RGBColor(255, 127, 14),  // boa
];

/// The colour of a configuration.
fn colour(config: &str) -> RGBColor {
    let i = CONFIGS.iter().position(|c| c.name == config).unwrap_or(0);
    COLOURS[i % COLOURS.len()]
}

/// An axis with the tick positions we choose. (plotters' own
/// `WithKeyPoints` keeps the inner axis's formatting marker, which for
/// `f64` axes does not let `configure_mesh` take a label formatter.)
struct Ticked<R: Ranged> {
    inner: R,
    ticks: Vec<R::ValueType>,
}

impl<R: Ranged> Ranged for Ticked<R>
where
    R::ValueType: Clone,
{
    type FormatOption = DefaultFormatting;
    type ValueType = R::ValueType;

    fn map(&self, value: &Self::ValueType, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<Self::ValueType> {
        if hint.weight().allow_light_points() { Vec::new() } else { self.ticks.clone() }
    }

    fn range(&self) -> Range<Self::ValueType> {
        self.inner.range()
    }

    fn axis_pixel_range(&self, limit: (i32, i32)) -> Range<i32> {
        self.inner.axis_pixel_range(limit)
    }
}

/// `axis` with ticks at `ticks`.
fn ticked<A: AsRangedCoord>(axis: A, ticks: Vec<A::Value>) -> Ticked<A::CoordDescType> {
    Ticked { inner: axis.into(), ticks }
}

/// Draws the chart of `report` into `path`.
pub fn draw(report: &Report, path: &Path) -> Result<(), String> {
    let rows = report.benchmarks.len().div_ceil(PANEL_COLUMNS).max(1) as u32;
    let height = RATIO_HEIGHT + 50 + rows * PANEL_HEIGHT;
    let root = SVGBackend::new(path, (WIDTH, height)).into_drawing_area();
    let fail = |e: &dyn std::fmt::Display| format!("drawing {}: {e}", path.display());
    root.fill(&WHITE).map_err(|e| fail(&e))?;
    let (top, bottom) = root.split_vertically(RATIO_HEIGHT);
    let (bars, legend_area) = top.split_horizontally(WIDTH - LEGEND_WIDTH);
    ratio_bars(report, &bars).map_err(|e| fail(&e))?;
    legend(report, &legend_area).map_err(|e| fail(&e))?;
    warmup_panels(report, &bottom).map_err(|e| fail(&e))?;
    root.present().map_err(|e| fail(&e))?;
    Ok(())
}

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// Part 1: grouped bars of ratios, one group per benchmark and one for the
/// geometric mean.
fn ratio_bars(report: &Report, area: &Area) -> DrawResult {
    let Some(reference) = report.settings.reference.as_deref() else {
        return message(area, "no reference configuration: no ratios");
    };
    let configs: Vec<&str> = report.ran().into_iter().filter(|c| *c != reference).collect();
    // Groups: (label, [(config, ratio)]).
    let mut groups: Vec<(String, Vec<(&str, f64)>)> = report
        .benchmarks
        .iter()
        .map(|b| {
            let bars = configs.iter().filter_map(|c| Some((*c, report.summary(b, c)?.ratio?))).collect();
            (b.clone(), bars)
        })
        .collect();
    let means: Vec<(&str, f64)> =
        configs.iter().filter_map(|c| Some((*c, report.geomeans.iter().find(|g| g.config == *c)?.ratio?))).collect();
    if !means.is_empty() {
        groups.push(("geomean".to_string(), means));
    }
    let ratios: Vec<f64> = groups.iter().flat_map(|(_, bars)| bars.iter().map(|b| b.1)).collect();
    if configs.is_empty() || ratios.is_empty() {
        return message(area, &format!("no ratios to {reference}: nothing else ran, or nothing succeeded"));
    }
    let lo = ratios.iter().copied().fold(1.0, f64::min) / 1.4;
    let hi = ratios.iter().copied().fold(1.0, f64::max) * 1.4;
    let n = groups.len();
    let centres: Vec<f64> = (0..n).map(|i| i as f64 + 0.5).collect();
    let mut chart = ChartBuilder::on(area)
        .caption(format!("Median total time relative to {reference} (log scale; below 1 is faster)"), (FONT, 22))
        .margin(15)
        .x_label_area_size(40)
        .y_label_area_size(70)
        .build_cartesian_2d(ticked(0.0..n as f64, centres), ticked((lo..hi).log_scale(), log_ticks(lo, hi)))?;
    let labels: Vec<String> = groups.iter().map(|g| g.0.clone()).collect();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_label_formatter(&|x| labels.get(x.floor().max(0.0) as usize).cloned().unwrap_or_default())
        .y_label_formatter(&|y| format!("{}x", number(*y)))
        .y_desc(format!("ratio to {reference}"))
        .x_label_style((FONT, 15))
        .y_label_style((FONT, 14))
        .draw()?;
    let slot = 0.8 / configs.len() as f64;
    for (i, (_, bars)) in groups.iter().enumerate() {
        for (config, ratio) in bars {
            let k = configs.iter().position(|c| c == config).unwrap_or(0);
            let x0 = i as f64 + 0.1 + k as f64 * slot;
            let bar = Rectangle::new([(x0, 1.0), (x0 + slot * 0.85, *ratio)], colour(config).filled());
            chart.draw_series(std::iter::once(bar))?;
        }
    }
    chart.draw_series(LineSeries::new([(0.0, 1.0), (n as f64, 1.0)], BLACK.stroke_width(2)))?;
    Ok(())
}

/// The legend column: a swatch and a name per configuration that ran.
fn legend(report: &Report, area: &Area) -> DrawResult {
    let reference = report.settings.reference.as_deref();
    area.draw(&Text::new("configurations", (10, 40), (FONT, 17).into_font().style(FontStyle::Bold)))?;
    for (i, c) in report.ran().into_iter().enumerate() {
        let y = 70 + 26 * i as i32;
        area.draw(&Rectangle::new([(10, y), (28, y + 16)], colour(c).filled()))?;
        let label = if Some(c) == reference { format!("{c} (reference)") } else { c.to_string() };
        area.draw(&Text::new(label, (36, y + 1), (FONT, 15)))?;
    }
    Ok(())
}

/// Part 2: small multiples of the warm-up curves.
fn warmup_panels(report: &Report, area: &Area) -> DrawResult {
    let (title, grid) = area.split_vertically(50);
    title.draw(&Text::new(
        "Warm-up: median time of each iteration (ms, log scale), colours as in the legend",
        (20, 15),
        (FONT, 20),
    ))?;
    let rows = report.benchmarks.len().div_ceil(PANEL_COLUMNS).max(1);
    let panels = grid.split_evenly((rows, PANEL_COLUMNS));
    for (b, panel) in report.benchmarks.iter().zip(panels.iter()) {
        warmup_panel(report, b, panel)?;
    }
    Ok(())
}

fn warmup_panel(report: &Report, benchmark: &str, area: &Area) -> DrawResult {
    let curves: Vec<(&str, &[f64])> = report
        .ran()
        .into_iter()
        .filter_map(|c| {
            let s = report.summary(benchmark, c)?;
            (!s.iteration_ms.is_empty()).then_some((c, s.iteration_ms.as_slice()))
        })
        .collect();
    let values: Vec<f64> = curves.iter().flat_map(|(_, v)| v.iter().copied()).filter(|v| *v > 0.0).collect();
    if values.is_empty() {
        return message(area, &format!("{benchmark}: no data"));
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min) / 1.25;
    let hi = values.iter().copied().fold(0.0, f64::max) * 1.25;
    let iterations = curves.iter().map(|(_, v)| v.len()).max().unwrap_or(1);
    let step = iterations.div_ceil(10);
    let x_ticks: Vec<f64> = (1..=iterations).step_by(step).map(|i| i as f64).collect();
    let mut chart = ChartBuilder::on(area)
        .caption(benchmark, (FONT, 17))
        .margin(8)
        .x_label_area_size(28)
        .y_label_area_size(58)
        .build_cartesian_2d(
            ticked(0.5..iterations as f64 + 0.5, x_ticks),
            ticked((lo..hi).log_scale(), log_ticks(lo, hi)),
        )?;
    chart
        .configure_mesh()
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| number(*y))
        .x_label_style((FONT, 12))
        .y_label_style((FONT, 12))
        .draw()?;
    for (config, curve) in curves {
        let points: Vec<(f64, f64)> =
            curve.iter().enumerate().filter(|(_, v)| **v > 0.0).map(|(i, v)| ((i + 1) as f64, *v)).collect();
        let c = colour(config);
        chart.draw_series(LineSeries::new(points.iter().copied(), c.stroke_width(2)))?;
        chart.draw_series(points.iter().map(|p| Circle::new(*p, 3, c.filled())))?;
    }
    Ok(())
}

/// A message in place of a chart.
fn message(area: &Area, text: &str) -> DrawResult {
    area.draw(&Text::new(text.to_string(), (20, 40), (FONT, 16)))?;
    Ok(())
}

/// Tick values on a log axis over [lo, hi]: only powers of ten when they
/// give four ticks or more, else 1-2-5 per decade, else finer mantissas
/// until there are four.
pub fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    if !(lo > 0.0 && hi > lo && hi.is_finite()) {
        return Vec::new();
    }
    let in_range = |mantissas: &[f64]| -> Vec<f64> {
        let mut v = Vec::new();
        for exponent in lo.log10().floor() as i32..=hi.log10().ceil() as i32 {
            let decade = 10f64.powi(exponent);
            for m in mantissas {
                let t = m * decade;
                // A tolerance for the end points: 10^k need not be exact.
                if t >= lo * (1.0 - 1e-9) && t <= hi * (1.0 + 1e-9) {
                    v.push(t);
                }
            }
        }
        v
    };
    let coarse = in_range(&[1.0]);
    if coarse.len() >= 4 {
        return coarse;
    }
    for mantissas in [
        &[1.0, 2.0, 5.0][..],
        &[1.0, 1.5, 2.0, 3.0, 5.0, 7.0],
        &[1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
    ] {
        let t = in_range(mantissas);
        if t.len() >= 4 {
            return t;
        }
    }
    in_range(&[1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])
}

/// A tick label: no trailing zeros, no float noise (`0.2`, `1.5`, `200`).
fn number(v: f64) -> String {
    let s = if v >= 100.0 { format!("{v:.0}") } else { format!("{v:.3}") };
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
    if s.is_empty() { "0".to_string() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_ticks_cover_the_range() {
        let close = |a: &[f64], b: &[f64]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-9);
        assert!(close(&log_ticks(0.3, 30.0), &[0.5, 1.0, 2.0, 5.0, 10.0, 20.0]));
        assert!(close(&log_ticks(0.001, 1e6), &[0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0, 10_000.0, 100_000.0, 1e6]));
        assert!(log_ticks(13.0, 22.0).len() >= 3);
        assert!(log_ticks(0.9, 1.05).len() >= 2);
        assert!(log_ticks(0.0, 1.0).is_empty());
    }

    #[test]
    fn tick_labels() {
        assert_eq!(
            (number(0.2), number(1.5), number(200.0), number(10.0)),
            ("0.2".into(), "1.5".into(), "200".into(), "10".into())
        );
    }

    #[test]
    fn every_config_has_its_own_colour() {
        assert_eq!(COLOURS.len(), CONFIGS.len());
        for (i, a) in COLOURS.iter().enumerate() {
            assert!(COLOURS[i + 1..].iter().all(|b| b != a));
        }
    }
}
