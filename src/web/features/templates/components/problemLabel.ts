import type { TFunction } from 'i18next';

const FIELD_KEYS: Record<string, string> = {
  name: 'templates.editor.dimensionName',
  title: 'templates.editor.pointTitle',
  description: 'templates.editor.description',
  hint: 'templates.editor.hint',
  weight: 'templates.editor.weight',
  maxPoints: 'templates.editor.maxPoints',
  step: 'templates.editor.step',
  scheme: 'templates.editor.scheme',
  deductionRule: 'templates.editor.deductionRule',
  checkMethod: 'templates.editor.checkMethod',
  questions: 'templates.editor.questions',
  points: 'templates.editor.points',
  passMark: 'templates.editor.passMark',
  scoringMode: 'templates.editor.scoringMode',
};

/** `body.dimensions.0.points.1.weight` → "维度 1 › 观察点 2 › 权重". */
export function problemLabel(path: string, t: TFunction): string {
  const template = /^template\.(name|description|kind)$/.exec(path);
  if (template) return t(`templates.create.${template[1]}`);
  const parts = path
    .replace(/^(body|version)\.?/, '')
    .split('.')
    .filter(Boolean);
  const labels: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (/^\d+$/.test(next ?? '') && (part === 'dimensions' || part === 'points' || part === 'questions')) {
      const key = part === 'dimensions' ? 'dimension' : part === 'points' ? 'point' : 'question';
      labels.push(t(`templates.path.${key}`, { n: Number(next) + 1 }));
      i++;
    } else if (part === '(root)') {
      labels.push(t('templates.path.root'));
    } else {
      labels.push(FIELD_KEYS[part] ? t(FIELD_KEYS[part]) : part);
    }
  }
  return labels.join(' › ') || t('templates.path.root');
}
