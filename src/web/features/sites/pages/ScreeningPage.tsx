import { useQuery } from '@tanstack/react-query';
import { Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getShortlist, listCriteria, listMyScores, screeningKey } from '../api.js';
import { CriteriaEditor } from '../components/CriteriaEditor.js';
import { ScoreMatrix } from '../components/ScoreMatrix.js';
import { ShortlistTable } from '../components/ShortlistTable.js';
import { SitesTabs } from '../components/SitesTabs.js';

/** 筛选: weighted criteria, the current staff member's scores, and the ranked shortlist. */
export default function ScreeningPage() {
  const { t } = useTranslation();
  const criteria = useQuery({ queryKey: [...screeningKey, 'criteria'], queryFn: listCriteria });
  const shortlist = useQuery({ queryKey: [...screeningKey, 'shortlist'], queryFn: getShortlist });
  const mine = useQuery({ queryKey: [...screeningKey, 'mine'], queryFn: listMyScores });
  const ready = criteria.data && shortlist.data && mine.data;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('sites.screening.title')}
      </Typography.Title>
      <SitesTabs />
      {!ready ? (
        <Spin style={{ display: 'block', margin: '64px auto' }} />
      ) : (
        <Flex vertical gap={16}>
          <ShortlistTable criteria={criteria.data} shortlist={shortlist.data} />
          <ScoreMatrix
            criteria={criteria.data}
            sites={[...shortlist.data].sort((a, b) => a.siteName.localeCompare(b.siteName, 'zh-CN'))}
            myScores={mine.data}
          />
          <CriteriaEditor criteria={criteria.data} />
        </Flex>
      )}
    </>
  );
}
