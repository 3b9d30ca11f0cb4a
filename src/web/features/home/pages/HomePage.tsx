import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { navItemsFor } from '../../../app/nav.js';
import { useMe, useSetupStatus } from '../../../app/session.js';

/** Greets the user and links to the pages their role may use. */
export default function HomePage() {
  const { t, i18n } = useTranslation();
  /** Pages may add `home.descriptions.<nav key>`; without one the card shows just the title. */
  const descriptionOf = (labelKey: string) => {
    const key = `home.descriptions.${labelKey.split('.')[1]}`;
    return i18n.exists(key) ? t(key) : undefined;
  };
  const { data: me } = useMe();
  const { data: setup } = useSetupStatus();
  if (!me) return null;
  const links = [
    ...navItemsFor(me.role).filter((item) => item.path !== '/'),
    { path: '/account', labelKey: 'nav.account', icon: null },
  ];
  return (
    <>
      <Typography.Title level={3} data-testid="home-greeting">
        {t('home.greeting', { name: me.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('home.intro', {
          role: t(`enums.role.${me.role}`),
          association: setup?.associationName ?? t('common.appName'),
        })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {links.map((item) => (
          <Col key={item.path} xs={24} sm={12} lg={8}>
            <Link to={item.path}>
              <Card hoverable>
                <Card.Meta
                  avatar={item.icon}
                  title={t(item.labelKey)}
                  description={descriptionOf(item.labelKey)}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
