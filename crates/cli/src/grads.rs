//! `gradscope grads`: the per-layer statistics of the gradient experiment as JSON, CSV or the
//! page's SVG chart.

use crate::commands::GRADS;
use crate::flags;
use crate::json::to_json;
use crate::numbers::cell;
use crate::usage::UsageError;
use clap::ArgMatches;
use gradscope_core::schema::{parse, GRADIENTS};
use gradscope_core::{
    predict, GradSettings, GradientProbe, GradientReport, LayerPrediction, LayerStats, NumStatus,
    Verdict,
};
use gradscope_web::charts::gradient_chart::{
    draw_gradient_chart, GradientChartLabels, GradientChartOptions, TheoryLines,
};
use gradscope_web::charts::ChartStyle;
use serde::Serialize;

/// The JSON document: the settings, the loss, a row per layer and the verdict.
#[derive(Serialize)]
struct Document<'a> {
    settings: &'a GradSettings,
    loss: f64,
    layers: Vec<Row<'a>>,
    verdict: &'a Verdict,
}

/// A layer's row: [`LayerStats`] as serialized (with its worst `status`), whether any of its
/// quantities underflowed or overflowed, and the theory's prediction when asked for.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    stats: &'a LayerStats,
    underflow: bool,
    overflow: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    theory: Option<&'a LayerPrediction>,
}

impl<'a> Row<'a> {
    fn new(stats: &'a LayerStats, theory: Option<&'a LayerPrediction>) -> Self {
        let statuses = stats.statuses();
        Row {
            stats,
            underflow: statuses.contains(&NumStatus::Underflow),
            overflow: statuses.contains(&NumStatus::Overflow),
            theory,
        }
    }
}

/// Runs `gradscope grads` on its parsed flags and returns the text to print.
pub fn run(matches: &ArgMatches) -> Result<String, UsageError> {
    let settings: GradSettings = parse(&flags::values(&(GRADS.settings)(), matches)?)?;
    let theory_field = GRADIENTS
        .field("theory")
        .expect("the gradient cell declares theory");
    let wants_theory = flags::value(theory_field, matches)? == true;
    let report = GradientProbe::new().run(&settings)?;
    let theory = if wants_theory {
        Some(predict(&settings)?)
    } else {
        None
    };
    let rows: Vec<Row> = report
        .layers
        .iter()
        .enumerate()
        .map(|(i, l)| Row::new(l, theory.as_ref().map(|t| &t[i])))
        .collect();
    match matches.get_one::<String>("format").map(String::as_str) {
        Some("csv") => Ok(csv(&rows)),
        Some("svg") => svg(&report, theory.as_deref()),
        _ => Ok(to_json(&Document {
            settings: &settings,
            loss: report.loss,
            layers: rows,
            verdict: &report.verdict,
        })),
    }
}

/// A CSV line per layer: its numbers, its flags and the theory's numbers when asked for.
fn csv(rows: &[Row]) -> String {
    let mut out = String::from("layer,grad_norm,backward_norm,preact_std,underflow,overflow");
    if rows.iter().any(|r| r.theory.is_some()) {
        out.push_str(",theory_grad_norm,theory_backward_norm,theory_preact_std");
    }
    out.push('\n');
    for r in rows {
        let l = r.stats;
        out.push_str(&format!(
            "{},{},{},{},{},{}",
            l.layer,
            cell(l.grad_norm),
            cell(l.backward_norm),
            cell(l.preact_std),
            r.underflow,
            r.overflow
        ));
        if let Some(t) = r.theory {
            out.push_str(&format!(
                ",{},{},{}",
                cell(t.grad_norm),
                cell(t.backward_norm),
                cell(t.preact_std)
            ));
        }
        out.push('\n');
    }
    out
}

/// The page's gradient chart, drawn to SVG.
fn svg(report: &GradientReport, theory: Option<&[LayerPrediction]>) -> Result<String, UsageError> {
    use plotters::prelude::*;
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, (900, 560)).into_drawing_area();
        let options = GradientChartOptions {
            theory: theory.map(|t| TheoryLines {
                grad_norm: t.iter().map(|p| p.grad_norm).collect(),
                backward_norm: t.iter().map(|p| p.backward_norm).collect(),
                preact_std: t.iter().map(|p| p.preact_std).collect(),
            }),
            ..GradientChartOptions::default()
        };
        let style = ChartStyle {
            font_family: "'DejaVu Sans', sans-serif".into(),
            scale: 1.0,
        };
        draw_gradient_chart(
            &root,
            &report.layers,
            &GradientChartLabels::default(),
            &options,
            &style,
        )
        .map_err(|e| UsageError::new(format!("--format svg: {e}")))?;
    }
    Ok(text)
}
