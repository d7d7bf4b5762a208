//! The charts stay readable without full colour vision: each chart is drawn to SVG, the colours
//! of its series are read back from the SVG, and every pair stays distinguishable under simulated
//! deuteranopia and protanopia (Machado, Oliveira and Fernandes 2009, severity 1, applied in
//! linear RGB), measured as the CIELAB distance ΔE*ab. Series also differ by mark: the main
//! chart's three measured series carry three different marker shapes.

use gradscope_core::{GradSettings, GradientProbe};
use gradscope_web::charts::gradient_chart::TheoryLines;
use gradscope_web::charts::training_chart::{training_chart, LossSeries, TrainingChartLabels};
use gradscope_web::charts::{
    draw_gradient_chart, draw_log_chart, ChartStyle, GradientChartLabels, GradientChartOptions,
};
use std::collections::{BTreeMap, BTreeSet};

mod common;
use common::{draw_svg, Area};

/// ΔE*ab below which two thin lines are easily confused. A just-noticeable difference is about
/// 2.3 for large patches; lines two pixels wide need several times more. The six training
/// series (Okabe–Ito colours) keep at least 17.9 under both simulations (printed by the
/// training test), so 15 leaves a small margin and still refuses a red/green pair.
const MIN_DELTA_E: f64 = 15.0;

const DEUTERANOPIA: [[f64; 3]; 3] = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];
const PROTANOPIA: [[f64; 3]; 3] = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];
const IDENTITY: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

fn linear(c: u8) -> f64 {
    let c = c as f64 / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// CIELAB (D65) of an sRGB colour seen through `m`.
fn lab(rgb: (u8, u8, u8), m: &[[f64; 3]; 3]) -> [f64; 3] {
    let l = [linear(rgb.0), linear(rgb.1), linear(rgb.2)];
    let s: Vec<f64> = (0..3)
        .map(|i| (0..3).map(|j| m[i][j] * l[j]).sum::<f64>().clamp(0.0, 1.0))
        .collect();
    let x = 0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2];
    let y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
    let z = 0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2];
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn delta_e(a: (u8, u8, u8), b: (u8, u8, u8), m: &[[f64; 3]; 3]) -> f64 {
    let (p, q) = (lab(a, m), lab(b, m));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

fn hex(s: &str) -> (u8, u8, u8) {
    let v = |i: usize| u8::from_str_radix(&s[i..i + 2], 16).unwrap();
    (v(1), v(3), v(5))
}

/// Every `attr="#rrggbb"` value of the SVG's `tag` elements, with the element's point count.
fn colours(svg: &str, tag: &str, attr: &str) -> Vec<((u8, u8, u8), usize)> {
    svg.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(|el| {
            let el = &el[..el.find('>')?];
            let at = el.find(&format!("{attr}=\"#"))? + attr.len() + 2;
            let points = el
                .find("points=\"")
                .map(|p| {
                    el[p + 8..]
                        .split('"')
                        .next()
                        .unwrap_or("")
                        .split_whitespace()
                        .count()
                })
                .unwrap_or(0);
            Some((hex(&el[at..at + 7]), points))
        })
        .collect()
}

/// The series colours: line strokes other than the axes' ink and the grid.
fn series_colours(svg: &str) -> BTreeSet<(u8, u8, u8)> {
    let skip = [hex("#212529"), hex("#dee2e6"), hex("#DEE2E6")];
    colours(svg, "polyline", "stroke")
        .into_iter()
        .map(|(c, _)| c)
        .filter(|c| !skip.contains(c))
        .collect()
}

fn svg(f: impl FnOnce(&Area)) -> String {
    draw_svg((800, 440), f).0
}

fn assert_distinguishable(name: &str, set: &BTreeSet<(u8, u8, u8)>) -> f64 {
    let list: Vec<_> = set.iter().copied().collect();
    let mut worst = f64::INFINITY;
    for (i, &a) in list.iter().enumerate() {
        for &b in &list[i + 1..] {
            for (vision, m) in [
                ("normal", IDENTITY),
                ("deuteranopia", DEUTERANOPIA),
                ("protanopia", PROTANOPIA),
            ] {
                let d = delta_e(a, b, &m);
                worst = worst.min(d);
                assert!(
                    d >= MIN_DELTA_E,
                    "{name}: {a:?} and {b:?} are {d:.1} apart under {vision}"
                );
            }
        }
    }
    worst
}

fn gradient_svg() -> String {
    let settings = GradSettings::default();
    let report = GradientProbe::new().run(&settings).unwrap();
    let theory = gradscope_core::predict(&settings).unwrap();
    let options = GradientChartOptions {
        show_backward: true,
        show_forward: true,
        theory: Some(TheoryLines {
            grad_norm: theory.iter().map(|l| l.grad_norm).collect(),
            backward_norm: theory.iter().map(|l| l.backward_norm).collect(),
            preact_std: theory.iter().map(|l| l.preact_std).collect(),
        }),
        preview: None,
    };
    svg(|a| {
        draw_gradient_chart(
            a,
            &report.layers,
            &GradientChartLabels::default(),
            &options,
            &ChartStyle::default(),
        )
        .unwrap();
    })
}

#[test]
fn the_main_chart_series_stay_apart_under_colour_blindness_and_differ_by_mark() {
    let text = gradient_svg();
    let set = series_colours(&text);
    assert_eq!(set.len(), 3, "{set:?}");
    assert_distinguishable("gradients", &set);
    // Marks: each measured series' polygons (its markers) have their own number of corners.
    let mut corners: BTreeMap<(u8, u8, u8), BTreeSet<usize>> = BTreeMap::new();
    for (c, n) in colours(&text, "polygon", "fill") {
        if set.contains(&c) {
            corners.entry(c).or_default().insert(n);
        }
    }
    let shapes: BTreeSet<usize> = corners.values().flat_map(|s| s.iter().copied()).collect();
    assert_eq!(corners.len(), 3, "{corners:?}");
    assert!(shapes.len() >= 3, "{corners:?}");
}

#[test]
fn the_training_chart_series_stay_apart_under_colour_blindness() {
    let series: Vec<LossSeries> = (0..6)
        .map(|i| LossSeries {
            label: format!("run {i}"),
            values: (0..50)
                .map(|k| 1.0 / (1.0 + k as f64 * (i + 1) as f64))
                .collect(),
        })
        .collect();
    let text = svg(|a| {
        let chart = training_chart(&series, &TrainingChartLabels::default());
        draw_log_chart(a, &chart, &ChartStyle::default()).unwrap();
    });
    let set = series_colours(&text);
    assert_eq!(set.len(), 6, "{set:?}");
    let worst = assert_distinguishable("training", &set);
    eprintln!("training chart: smallest ΔE*ab over pairs and visions = {worst:.1}");
}

#[test]
fn the_check_can_fail() {
    // Vacuity: red and green, told apart by anyone with full colour vision, collapse under
    // deuteranopia, and the measure says so.
    let (r, g) = ((200, 60, 40), (90, 140, 40));
    assert!(delta_e(r, g, &IDENTITY) > MIN_DELTA_E);
    assert!(delta_e(r, g, &DEUTERANOPIA) < MIN_DELTA_E);
}
