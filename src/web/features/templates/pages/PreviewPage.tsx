import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getVersion, versionKey } from '../api.js';
import { PhoneView } from '../components/PhonePreview.js';
import '../components/templates.css';

/** The attendee's phone view of a version, full width (what a 390 px phone shows). */
export default function PreviewPage() {
  const { versionId = '' } = useParams();
  const { t } = useTranslation();
  const version = useQuery({ queryKey: versionKey(versionId), queryFn: () => getVersion(versionId) });
  if (version.isPending) return <Spin />;
  if (version.isError) return <Result status="404" title={version.error.message} />;
  const v = version.data;
  return (
    <div className="gm-tpl-phone-page" data-testid="phone-page">
      <Link to={`/templates/versions/${v.id}`}>
        <ArrowLeftOutlined /> {t('templates.detail.version', { number: v.number })}
      </Link>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
        {t('templates.preview.help')}
      </Typography.Paragraph>
      <PhoneView title={v.templateName} tree={v} />
    </div>
  );
}
